import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../store/open-database.ts';
import type { PlannedDelivery } from './plan-deliveries.ts';
import type { WebhookOperation } from './webhook-definition.ts';
import { ensureWebhookTables } from './webhook-tables.ts';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export type Delivery = PlannedDelivery & {
  id: number;
  status: DeliveryStatus;
  attempts: number;
  /** Unix ms of the next try (pending deliveries). */
  nextAttemptAt: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export type Attempt = { attempt: number; at: string; status: number | null; error: string | null; durationMs: number };

type DeliveryRow = {
  id: number;
  webhook_id: string;
  dataset: string;
  transaction_id: string;
  transaction_time: string;
  document_id: string;
  operation: WebhookOperation;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
};

const toDelivery = (row: DeliveryRow): Delivery => ({
  id: row.id,
  webhookId: row.webhook_id,
  dataset: row.dataset,
  transactionId: row.transaction_id,
  transactionTime: row.transaction_time,
  documentId: row.document_id,
  operation: row.operation,
  body: row.body,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastStatus: row.last_status,
  lastError: row.last_error,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
});

// A delivery may go only when no earlier undelivered one exists for the same webhook and document.
const IS_HEAD = `d.status = 'pending' AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
  WHERE e.status = 'pending' AND e.webhook_id = d.webhook_id AND e.document_id = d.document_id AND e.id < d.id)`;

/** The durable delivery queue and the planning cursor, in the lake's SQLite file. */
export function createDeliveryQueue(db: DatabaseSync) {
  ensureWebhookTables(db);
  const now = () => new Date().toISOString();
  const setCursor = (seq: number) => {
    db.prepare(
      'INSERT INTO webhook_cursor (id, seq) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq',
    ).run(seq);
  };
  return {
    /** The last transaction-log position already planned (undefined before the first run). */
    cursor(): number | undefined {
      const row = db.prepare('SELECT seq FROM webhook_cursor WHERE id = 1').get() as { seq: number } | undefined;
      return row?.seq;
    },

    setCursor,

    /** Stores a transaction's deliveries and moves the cursor past it, in one SQLite transaction. */
    enqueue(deliveries: PlannedDelivery[], seq: number): void {
      const insert = db.prepare(
        'INSERT INTO webhook_deliveries (webhook_id, dataset, transaction_id, transaction_time, document_id, operation, body, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      inTransaction(db, () => {
        for (const d of deliveries) {
          insert.run(
            d.webhookId,
            d.dataset,
            d.transactionId,
            d.transactionTime,
            d.documentId,
            d.operation,
            d.body,
            Date.now(),
            now(),
          );
        }
        setCursor(seq);
      });
    },

    /** Makes every waiting delivery due now (on start: a restart often follows fixing the receiver). */
    retryPendingNow(): void {
      db.prepare(
        "UPDATE webhook_deliveries SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ?",
      ).run(Date.now(), Date.now());
    },

    /** Deliveries that may be attempted now, oldest first, skipping the given in-flight ids. */
    due(limit: number, inFlight: Set<number>): Delivery[] {
      const rows = db
        .prepare(`SELECT * FROM webhook_deliveries d WHERE ${IS_HEAD} AND d.next_attempt_at <= ? ORDER BY d.id LIMIT ?`)
        .all(Date.now(), limit + inFlight.size) as DeliveryRow[];
      return rows
        .filter((row) => !inFlight.has(row.id))
        .slice(0, limit)
        .map(toDelivery);
    },

    /** When the next waiting delivery falls due (undefined: nothing waits). */
    nextDueAt(inFlight: Set<number>): number | undefined {
      const rows = db
        .prepare(`SELECT d.id, d.next_attempt_at FROM webhook_deliveries d WHERE ${IS_HEAD} ORDER BY d.next_attempt_at`)
        .all() as { id: number; next_attempt_at: number }[];
      return rows.find((row) => !inFlight.has(row.id))?.next_attempt_at;
    },

    /** Records an attempt; `next` is when to retry, or undefined when the delivery is finished. */
    record(id: number, attempt: Attempt, outcome: { status: DeliveryStatus; nextAttemptAt?: number }): void {
      inTransaction(db, () => {
        db.prepare(
          'INSERT INTO webhook_attempts (delivery_id, attempt, at, status, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(id, attempt.attempt, attempt.at, attempt.status, attempt.error, attempt.durationMs);
        db.prepare(
          'UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status = ?, last_error = ?, finished_at = ? WHERE id = ?',
        ).run(
          outcome.status,
          attempt.attempt,
          outcome.nextAttemptAt ?? 0,
          attempt.status,
          attempt.error,
          outcome.status === 'pending' ? null : attempt.at,
          id,
        );
      });
    },

    list(filter: { webhookId?: string; status?: DeliveryStatus; limit?: number } = {}): Delivery[] {
      const rows = db
        .prepare(
          'SELECT * FROM webhook_deliveries WHERE (? IS NULL OR webhook_id = ?) AND (? IS NULL OR status = ?) ORDER BY id DESC LIMIT ?',
        )
        .all(
          filter.webhookId ?? null,
          filter.webhookId ?? null,
          filter.status ?? null,
          filter.status ?? null,
          filter.limit ?? 100,
        ) as DeliveryRow[];
      return rows.map(toDelivery);
    },

    attempts(deliveryId: number): Attempt[] {
      const rows = db
        .prepare(
          'SELECT attempt, at, status, error, duration_ms FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt',
        )
        .all(deliveryId) as {
        attempt: number;
        at: string;
        status: number | null;
        error: string | null;
        duration_ms: number;
      }[];
      return rows.map((row) => ({
        attempt: row.attempt,
        at: row.at,
        status: row.status,
        error: row.error,
        durationMs: row.duration_ms,
      }));
    },
  };
}

export type DeliveryQueue = ReturnType<typeof createDeliveryQueue>;
