import type { Delivery } from './delivery-queue.ts';
import { encodeSignatureHeader, SIGNATURE_HEADER } from './signature.ts';
import type { Webhook } from './webhook-definition.ts';

/**
 * The headers of one delivery attempt, Sanity's set: the signature (when
 * the webhook has a secret; signed per attempt, over the exact body bytes),
 * an idempotency key that stays the same across retries, and the
 * transaction, document, operation, project and dataset it is about. The
 * webhook's static headers come first; Sanity's own cannot be overridden.
 */
export function deliveryHeaders(
  webhook: Webhook,
  delivery: Delivery,
  projectId: string,
  now: number,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(webhook.headers)) headers[name.toLowerCase()] = value;
  Object.assign(headers, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(delivery.body)),
    'user-agent': 'newsroom-lake-webhooks',
    'idempotency-key': `${webhook.id}:${delivery.transactionId}:${delivery.documentId}`,
    'sanity-project-id': projectId,
    'sanity-dataset': delivery.dataset,
    'sanity-document-id': delivery.documentId,
    'sanity-operation': delivery.operation,
    'sanity-transaction-id': delivery.transactionId,
    'sanity-transaction-time': delivery.transactionTime,
    'sanity-webhook-id': webhook.id,
  });
  if (webhook.secret) headers[SIGNATURE_HEADER] = encodeSignatureHeader(delivery.body, now, webhook.secret);
  return headers;
}
