// The publisher's signature check against Sanity's own vectors (read from the
// shared conformance folder), plus the replay rule it adds.
import { readFileSync } from 'node:fs';
import { encodeSignatureHeader } from '@sanity/webhook';
import { describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../../scripts/publisher/verify-webhook.ts';

type Vector = {
  name: string;
  secret: string;
  payload: string;
  header?: string;
  valid: boolean;
  error?: string;
  http_status?: number;
};
const vectors = JSON.parse(
  readFileSync(
    new URL('../../../../shared/conformance/webhook/sanity-webhook-signature-vectors.json', import.meta.url),
    'utf8',
  ),
) as { verify: Vector[] };

const timestampOf = (header?: string) => Number(/t=(\d+(\.\d+)?)/.exec(header ?? '')?.[1] ?? 0);

describe.each(vectors.verify)('Sanity vector "$name"', (vector) => {
  it(`is ${vector.valid ? 'accepted' : 'refused'}`, async () => {
    const verdict = await verifyWebhook(vector.payload, vector.header, {
      secret: vector.secret,
      now: timestampOf(vector.header) || Date.now(),
    });
    expect(verdict.ok).toBe(vector.valid);
    if (!verdict.ok && vector.error) expect(verdict.message).toBe(vector.error);
    if (!verdict.ok && vector.http_status) expect(verdict.status).toBe(vector.http_status);
  });
});

describe('replays', () => {
  it('refuses a correctly signed delivery that is older than the tolerance', async () => {
    const body = '{"_id":"story-a"}';
    const signedAt = Date.now() - 10 * 60_000;
    const header = await encodeSignatureHeader(body, signedAt, 'secret');
    const verdict = await verifyWebhook(body, header, { secret: 'secret' });
    expect(verdict).toMatchObject({ ok: false, reason: 'stale' });
    expect(
      (await verifyWebhook(body, await encodeSignatureHeader(body, Date.now(), 'secret'), { secret: 'secret' })).ok,
    ).toBe(true);
  });
});
