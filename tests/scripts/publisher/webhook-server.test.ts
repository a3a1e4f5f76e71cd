// The publisher's webhook door over real HTTP: what a sender is told when its
// delivery is too large or a repeat, and which deliveries become changes.
import { request } from 'node:http';
import { encodeSignatureHeader } from '@sanity/webhook';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../scripts/publisher/coalescer.ts';
import { startWebhookServer, type WebhookServer } from '../../../scripts/publisher/webhook-server.ts';

const SECRET = 'webhook-server-test-secret';

describe('the webhook server', () => {
  let server: WebhookServer;
  let changes: Change[];

  beforeEach(async () => {
    changes = [];
    server = await startWebhookServer({ secret: SECRET, onChange: (change) => changes.push(change) });
  });
  afterEach(() => server.close());

  const signed = async (raw: string, signedAt = Date.now(), headers: Record<string, string> = {}) => ({
    'content-type': 'application/json',
    'sanity-webhook-signature': await encodeSignatureHeader(raw, signedAt, SECRET),
    ...headers,
  });
  const send = (raw: string, headers: Record<string, string>) =>
    fetch(`${server.url}/webhooks/sanity`, { method: 'POST', headers, body: raw });

  describe('a body over the limit (2 MB)', () => {
    const big = JSON.stringify({ _id: 'story-a', padding: 'x'.repeat(2 * 1024 * 1024) });

    it('is answered 413 with a JSON reason, not a reset connection', async () => {
      const res = await send(big, await signed(big));
      expect(res.status).toBe(413);
      expect(res.headers.get('connection')).toBe('close');
      expect(await res.json()).toMatchObject({ error: 'tooLarge' });
      expect(changes).toHaveLength(0);
    });

    it('is answered 413 to a client that writes the whole body before it reads', async () => {
      const headers = await signed(big);
      const answer = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
        const req = request(`${server.url}/webhooks/sanity`, { method: 'POST', headers }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode, body }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(big);
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ error: 'tooLarge' });
    });
  });
});
