// The lake's webhook signer against Sanity's own vectors
// (shared/conformance/webhook, from @sanity/webhook 4.0.4's tests): the exact
// `encode` headers, the `decode` results, and `verify` verdicts that agree
// with @sanity/webhook's isValidSignature.
import { readFileSync } from 'node:fs';
import { isValidSignature as sanityIsValid } from '@sanity/webhook';
import { describe, expect, it } from 'vitest';
import { decodeSignatureHeader, encodeSignatureHeader, isValidSignature } from '../../lake/webhooks/signature.ts';

type Vectors = {
  verify: { name: string; secret: string; payload: string; header: string | null; valid: boolean }[];
  encode: {
    name: string;
    secret: string;
    timestamp: number;
    payload: string;
    expected_header?: string;
    expected_error?: string;
  }[];
  decode: { header: string; timestamp?: number; hashedPayload?: string; error?: string }[];
};

const vectors = JSON.parse(
  readFileSync(
    new URL('../../../shared/conformance/webhook/sanity-webhook-signature-vectors.json', import.meta.url),
    'utf8',
  ),
) as Vectors;

describe('webhook signature conformance', () => {
  it.each(vectors.encode)('encode: $name', (vector) => {
    const encode = () => encodeSignatureHeader(vector.payload, vector.timestamp, vector.secret);
    if (vector.expected_header) expect(encode()).toBe(vector.expected_header);
    else expect(encode).toThrow(vector.expected_error as string);
  });

  it.each(vectors.decode)('decode: $header', (vector) => {
    if (vector.error) expect(() => decodeSignatureHeader(vector.header)).toThrow(vector.error);
    else
      expect(decodeSignatureHeader(vector.header)).toEqual({
        timestamp: vector.timestamp,
        hashedPayload: vector.hashedPayload,
      });
  });

  it.each(vectors.verify.filter((v) => v.header !== null))(
    'verify agrees with @sanity/webhook: $name',
    async (vector) => {
      const header = vector.header as string;
      const ours = isValidSignature(vector.payload, header, vector.secret);
      expect(ours).toBe(vector.valid);
      expect(ours).toBe(await sanityIsValid(vector.payload, header, vector.secret));
    },
  );

  it('signs bodies @sanity/webhook accepts, for many payloads and secrets', async () => {
    for (let i = 0; i < 50; i++) {
      const payload = JSON.stringify({ _id: `story-${i}`, headline: `Ünïcode ${'🗞️'.repeat(i % 4)} ${i}`, n: i });
      const secret = `secret-${i}-${'x'.repeat(i)}`;
      const header = encodeSignatureHeader(payload, 1_700_000_000_000 + i, secret);
      expect(await sanityIsValid(payload, header, secret)).toBe(true);
      expect(await sanityIsValid(`${payload} `, header, secret)).toBe(false);
    }
  });
});
