// Accepts a webhook only if Sanity's signature checks out (with @sanity/webhook,
// the code hosted Sanity's receivers use) and it was signed recently, so a
// captured delivery replayed later is refused. A replay within the tolerance
// passes here; the webhook server tells it by its signature
// (recent-deliveries.ts). Statuses follow the library: 400 for a malformed
// signature header, 401 for a missing, wrong or stale one.
import { assertValidSignature, decodeSignatureHeader, isSignatureError } from '@sanity/webhook';

export type WebhookVerdict =
  | { ok: true; timestamp: number; signature: string }
  | { ok: false; status: 400 | 401; reason: 'missing' | 'malformed' | 'invalid' | 'stale'; message: string };

export const DEFAULT_TOLERANCE_MS = 5 * 60_000;

type Refusal = Extract<WebhookVerdict, { ok: false }>;

/**
 * What the operator should check when a webhook is refused: the sender only
 * sees the 4xx in its delivery log, so the publisher's own log must say it.
 */
export const REFUSAL_HINTS = {
  missing: 'the webhook has no secret: give it the publisher’s (NEWSROOM_WEBHOOK_SECRET)',
  malformed: 'the sender does not sign as Sanity does',
  invalid: 'if Sanity sent it, the webhook’s secret is not the publisher’s NEWSROOM_WEBHOOK_SECRET',
  stale: 'a replay, or the clocks of the sender and this machine disagree',
} satisfies Record<Refusal['reason'], string>;

/** One log line for a refused webhook. */
export function refusalLine(refusal: Refusal): string {
  return `refused a webhook (${refusal.status}, ${refusal.reason}): ${refusal.message}; ${REFUSAL_HINTS[refusal.reason]}.`;
}

export type VerifyOptions = {
  secret: string;
  /** How old (or how far ahead) a signature may be. Default five minutes. */
  toleranceMs?: number;
  /** The clock; injected so the conformance vectors (signed in 2021) can be checked. */
  now?: number;
};

export async function verifyWebhook(
  rawBody: string,
  header: string | undefined,
  options: VerifyOptions,
): Promise<WebhookVerdict> {
  if (!header) return { ok: false, status: 401, reason: 'missing', message: 'Request contained no signature header' };
  try {
    await assertValidSignature(rawBody, header, options.secret);
  } catch (error) {
    if (!isSignatureError(error)) throw error;
    return error.statusCode === 400
      ? { ok: false, status: 400, reason: 'malformed', message: error.message }
      : { ok: false, status: 401, reason: 'invalid', message: error.message };
  }
  const { timestamp, hashedPayload } = decodeSignatureHeader(header);
  const age = Math.abs((options.now ?? Date.now()) - timestamp);
  if (age > (options.toleranceMs ?? DEFAULT_TOLERANCE_MS)) {
    return {
      ok: false,
      status: 401,
      reason: 'stale',
      message: `Signature is ${Math.round(age / 1000)} s old; replays are refused`,
    };
  }
  return { ok: true, timestamp, signature: hashedPayload };
}
