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

  it.each([
    // `new URL('//[', base)` threw: the publisher answered 500 and logged a stack trace.
    ['//[', 404, { error: 'notFound', message: 'No route POST //[' }],
    ['*', 400, { error: 'badRequest', message: 'The request target "*" is not a URL path.' }],
  ])('answers the request target %s with a clear %i, not a 500', async (path, status, body) => {
    const answer = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const url = new URL(server.url);
      const req = request({ host: url.hostname, port: url.port, path, method: 'POST' }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode, body: text }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body)).toEqual(body);
  });

  describe('a repeated delivery', () => {
    const raw = JSON.stringify({ _id: 'story-a', _type: 'story' });

    it('is acknowledged as a duplicate and becomes no second change, however often it comes', async () => {
      const headers = await signed(raw);
      const answers = [];
      for (let i = 0; i < 3; i++) {
        const res = await send(raw, headers);
        answers.push({ status: res.status, body: await res.json() });
      }
      expect(answers[0]).toEqual({ status: 202, body: { accepted: 'story-a' } });
      for (const answer of answers.slice(1))
        expect(answer).toMatchObject({ status: 200, body: { duplicate: 'story-a' } });
      expect(changes).toHaveLength(1);
    });

    it('is known by its idempotency key when Sanity retries it with a fresh signature', async () => {
      const key = { 'idempotency-key': 'delivery-1' };
      expect((await send(raw, await signed(raw, Date.now() - 1000, key))).status).toBe(202);
      const retry = await send(raw, await signed(raw, Date.now(), key));
      expect(retry.status).toBe(200);
      expect(await retry.json()).toMatchObject({ duplicate: 'story-a' });
      expect(changes).toHaveLength(1);
    });

    it('does not swallow a new delivery for the same document', async () => {
      expect((await send(raw, await signed(raw, Date.now() - 1000))).status).toBe(202);
      expect((await send(raw, await signed(raw, Date.now()))).status).toBe(202);
      expect(changes).toHaveLength(2);
    });
  });
});
