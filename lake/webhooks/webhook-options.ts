import { z } from 'zod';

/** The `webhooks` option of `startLake`: delivery settings. */
export const webhookOptionsSchema = z
  .object({
    /** Attempts per delivery before it is marked failed (the first try included). */
    maxAttempts: z.number().int().min(1).max(100).default(12),
    /** Wait before the second attempt; doubled after each failure. */
    initialBackoffMs: z.number().int().min(0).default(2_000),
    /** The longest wait between attempts. */
    maxBackoffMs: z
      .number()
      .int()
      .min(0)
      .default(5 * 60_000),
    /** A receiver that has not answered by then counts as failed. */
    timeoutMs: z.number().int().positive().default(30_000),
    /** Deliveries in flight at once (a document's deliveries always go one at a time, in order). */
    concurrency: z.number().int().min(1).max(64).default(8),
    /** Where failures are reported, one line each naming the webhook, status and attempt (default: console.warn). */
    log: z.custom<(message: string) => void>((value) => typeof value === 'function').optional(),
  })
  .default({ maxAttempts: 12, initialBackoffMs: 2_000, maxBackoffMs: 5 * 60_000, timeoutMs: 30_000, concurrency: 8 });

export type WebhookOptions = z.output<typeof webhookOptionsSchema>;

/** The wait after the `attempt`-th failed attempt (1-based): exponential, capped. */
export function backoffMs(attempt: number, options: Pick<WebhookOptions, 'initialBackoffMs' | 'maxBackoffMs'>): number {
  return Math.min(options.initialBackoffMs * 2 ** (attempt - 1), options.maxBackoffMs);
}
