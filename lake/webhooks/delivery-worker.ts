import { setTimeout as sleep } from 'node:timers/promises';
import type { Delivery, DeliveryQueue } from './delivery-queue.ts';
import { deliveryHeaders } from './delivery-request.ts';
import { sendRequest } from './send-request.ts';
import type { Webhook } from './webhook-definition.ts';
import { backoffMs, type WebhookOptions } from './webhook-options.ts';

export type DeliveryWorkerOptions = {
  queue: DeliveryQueue;
  /** The webhook's current definition (url, headers and secret may have changed since planning). */
  webhookOf(id: string): Webhook | undefined;
  projectId: string;
  settings: WebhookOptions;
  log(message: string): void;
};

export type DeliveryWorker = {
  /** Looks for due deliveries now (after planning, and when a retry falls due). */
  wake(): void;
  /** Deliveries being attempted now. */
  inFlight(): number;
  /** Stops; attempts cut short are not counted and run again after a restart. */
  close(): Promise<void>;
};

/**
 * Sends queued deliveries: up to `concurrency` at once, one at a time and
 * in order for each webhook and document, retrying failures (network errors,
 * timeouts, non-2xx answers) with exponential backoff until `maxAttempts`.
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { queue, settings } = options;
  const inFlight = new Map<number, Promise<void>>();
  const abort = new AbortController();
  let closed = false;
  let scheduled = false;
  let timer: NodeJS.Timeout | undefined;
  /** Attempts made since the queue last managed to record one, by delivery. */
  const unrecorded = new Map<number, number>();

  function wake(): void {
    if (closed || scheduled) return;
    scheduled = true;
    setImmediate(pump);
  }

  function pump(): void {
    scheduled = false;
    if (closed) return;
    const free = settings.concurrency - inFlight.size;
    if (free > 0) {
      for (const delivery of queue.due(free, new Set(inFlight.keys()))) {
        const attempt = send(delivery)
          .then(
            () => {
              unrecorded.delete(delivery.id);
            },
            (error: unknown) => holdAfterUnrecorded(delivery, error),
          )
          .finally(() => {
            inFlight.delete(delivery.id);
            wake();
          });
        inFlight.set(delivery.id, attempt);
      }
    }
    clearTimeout(timer);
    const next = inFlight.size < settings.concurrency ? queue.nextDueAt(new Set(inFlight.keys())) : undefined;
    if (next !== undefined) timer = setTimeout(wake, Math.max(0, next - Date.now())).unref();
  }

  async function send(delivery: Delivery): Promise<void> {
    const webhook = options.webhookOf(delivery.webhookId);
    const number = delivery.attempts + 1;
    const at = new Date();
    if (!webhook) {
      const attempt = {
        attempt: number,
        at: at.toISOString(),
        status: null,
        error: 'the webhook was removed',
        durationMs: 0,
      };
      queue.record(delivery.id, attempt, { status: 'cancelled' });
      return;
    }
    const outcome = await sendRequest({
      url: webhook.url,
      method: webhook.httpMethod,
      headers: deliveryHeaders(webhook, delivery, options.projectId, at.getTime()),
      body: delivery.body,
      timeoutMs: settings.timeoutMs,
      signal: abort.signal,
    });
    if (closed) return;
    const status = 'status' in outcome ? outcome.status : null;
    const error = 'error' in outcome ? outcome.error : null;
    const attempt = { attempt: number, at: at.toISOString(), status, error, durationMs: Date.now() - at.getTime() };
    if (status !== null && status >= 200 && status < 300) {
      queue.record(delivery.id, attempt, { status: 'delivered' });
      return;
    }
    const final = number >= settings.maxAttempts;
    const wait = backoffMs(number, settings);
    options.log(
      `lake: webhook "${webhook.name}" ${delivery.operation} of ${delivery.documentId} (transaction ${delivery.transactionId}) ` +
        `to ${webhook.url} failed on attempt ${number}/${settings.maxAttempts}: ${status === null ? error : `HTTP ${status}`}; ` +
        (final ? 'giving up' : `retrying in ${Math.round(wait / 100) / 10} s`),
    );
    queue.record(
      delivery.id,
      attempt,
      final ? { status: 'failed' } : { status: 'pending', nextAttemptAt: Date.now() + wait },
    );
  }

  /**
   * The attempt went out (or was cancelled) but could not be recorded: the
   * disk is full, say. The delivery stays pending in the queue, so it goes
   * again, at least once as promised; it is held back (kept in flight) first,
   * for the backoff its attempts so far call for. The queue cannot count
   * them (recording is what fails), so they are counted here.
   */
  async function holdAfterUnrecorded(delivery: Delivery, error: unknown): Promise<void> {
    const count = (unrecorded.get(delivery.id) ?? 0) + 1;
    unrecorded.set(delivery.id, count);
    const wait = backoffMs(delivery.attempts + count, settings);
    const why = error instanceof Error ? error.message : String(error);
    options.log(
      `lake: webhook delivery ${delivery.id} (${delivery.operation} of ${delivery.documentId}) could not be recorded: ${why}; ` +
        `it stays pending and goes again in ${Math.round(wait / 100) / 10} s`,
    );
    await sleep(wait, undefined, { signal: abort.signal, ref: false }).catch(() => undefined);
  }

  return {
    wake,
    inFlight: () => inFlight.size,
    async close() {
      closed = true;
      clearTimeout(timer);
      abort.abort();
      await Promise.allSettled(inFlight.values());
    },
  };
}
