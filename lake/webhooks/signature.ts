// Sanity's webhook signature (as @sanity/webhook 4.0.4 encodes and checks
// it): header `t=<unix ms>,v1=<sig>`, where sig is HMAC-SHA256 with the
// secret over `<t>.<raw body>`, base64url without padding. Checked against
// the upstream vectors in shared/conformance/webhook/.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'sanity-webhook-signature';

/** Timestamps before 2021-01-01 in milliseconds: a seconds-precision timestamp is refused. */
const MINIMUM_TIMESTAMP = 1_609_459_200_000;
const HEADER_FORMAT = /^t=(\d+)[, ]+v1=([^, ]+)$/;

export class SignatureError extends Error {
  override readonly name = 'SignatureError';
}

export function encodeSignatureHeader(payload: string, timestamp: number, secret: string): string {
  if (!secret) throw new SignatureError('Invalid secret provided');
  if (!payload) throw new SignatureError('Can not create signature for empty payload');
  if (Number.isNaN(timestamp) || timestamp < MINIMUM_TIMESTAMP) {
    throw new SignatureError('Invalid signature timestamp, must be a unix timestamp with millisecond precision');
  }
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('base64url');
  return `t=${timestamp},v1=${signature}`;
}

export function decodeSignatureHeader(header: string): { timestamp: number; hashedPayload: string } {
  if (!header) throw new SignatureError('Missing or empty signature header');
  const [, timestamp, hashedPayload] = HEADER_FORMAT.exec(header.trim()) ?? [];
  if (!timestamp || !hashedPayload) throw new SignatureError('Invalid signature payload format');
  return { timestamp: Number.parseInt(timestamp, 10), hashedPayload };
}

/** Whether `header` signs `payload` with `secret` (what @sanity/webhook's isValidSignature answers). */
export function isValidSignature(payload: string, header: string, secret: string): boolean {
  try {
    const { timestamp } = decodeSignatureHeader(header);
    const expected = Buffer.from(encodeSignatureHeader(payload, timestamp, secret));
    const given = Buffer.from(header);
    return expected.length === given.length && timingSafeEqual(expected, given);
  } catch (error) {
    if (error instanceof SignatureError) return false;
    throw error;
  }
}
