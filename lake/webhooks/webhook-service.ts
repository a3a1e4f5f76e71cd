import { createTransactionLog } from '../history/transaction-log.ts';
import { PUBLISHED } from '../perspective/perspective.ts';
import { indexView, type View, viewOf } from '../perspective/view.ts';
import type { LakeStore } from '../store/lake-store.ts';
import { isStorageFull } from '../store/storage-full.ts';
import type { TransactionEvent } from '../store/transaction-event.ts';
import { type Attempt, createDeliveryQueue, type Delivery, type DeliveryStatus } from './delivery-queue.ts';
import { createDeliveryWorker } from './delivery-worker.ts';
import { type PlannedTransaction, planDeliveries } from './plan-deliveries.ts';
import type { Webhook, WebhookDefinition } from './webhook-definition.ts';
import { compileWebhookGroq, type WebhookGroq } from './webhook-groq.ts';
import type { WebhookOptions } from './webhook-options.ts';
import { addWebhook, findWebhook, listWebhooks, removeWebhook } from './webhook-store.ts';
import { lastLogSeq } from './webhook-tables.ts';

export type WebhookServiceOptions = {
  store: LakeStore;
  projectId: string;
  settings: WebhookOptions;
  logError: (message: string, error: unknown) => void;
};

/** `lake.webhooks`: manage definitions and read the delivery log in-process. */
export type WebhookService = {
  add(definition: WebhookDefinition): Webhook;
  list(): Webhook[];
  remove(idOrName: string): Webhook[];
  /** Newest first; pending, delivered, failed and cancelled. */
  deliveries(filter?: { webhook?: string; status?: DeliveryStatus; limit?: number }): Delivery[];
  attempts(deliveryId: number): Attempt[];
  close(): Promise<void>;
};

/** Unplanned transactions read per batch when catching up after a restart. */
const REPLAY_BATCH = 500;
/** How soon planning is tried again after it failed (a full disk), if no commit comes first. */
const PLAN_RETRY_MS = 5_000;
/** How long an advanced cursor may stay unwritten when no delivery carried it to disk. */
const CURSOR_WRITE_DELAY_MS = 1000;

/**
 * Webhooks for a running lake. After each commit (off the request path) the
 * transaction is planned into durable deliveries; on start, transactions a
 * crash left unplanned are planned from the log and pending deliveries are
 * tried again at once. Delivery is at least once; the idempotency key lets receivers
 * drop repeats.
 */
export function startWebhookService(options: WebhookServiceOptions): WebhookService {
  const { store } = options;
  const db = store.db;
  const queue = createDeliveryQueue(db);
  let cursor = queue.cursor() ?? lastLogSeq(db);
  queue.setCursor(cursor);
  let cursorTimer: NodeJS.Timeout | undefined;
  const log = options.settings.log ?? ((message: string) => console.warn(message));
  const worker = createDeliveryWorker({
    queue,
    webhookOf: (id) => findWebhook(db, id),
    projectId: options.projectId,
    settings: options.settings,
    log,
  });
  // Definitions are read per transaction, from SQLite only when they may have changed: after this
  // lake's own add/remove, or when another process (the CLI) wrote to the file (PRAGMA data_version).
  let definitions: { version: number; webhooks: Webhook[] } | undefined;
  const currentWebhooks = (): Webhook[] => {
    const { data_version: version } = db.prepare('PRAGMA data_version').get() as { data_version: number };
    if (definitions?.version !== version) definitions = { version, webhooks: listWebhooks(db) };
    return definitions.webhooks;
  };
  const compiled = new Map<string, { key: string; groq: WebhookGroq }>();
  const groqOf = (webhook: Webhook) => {
    const key = JSON.stringify(webhook.rule);
    const cached = compiled.get(webhook.id);
    if (cached?.key === key) return cached.groq;
    const groq = compileWebhookGroq(webhook.rule);
    compiled.set(webhook.id, { key, groq });
    return groq;
  };
  const viewFor =
    (dataset: string) =>
    (includeDrafts: boolean): View => {
      const state = store.dataset(dataset);
      if (!state) return indexView([]);
      return viewOf(state, includeDrafts ? { kind: 'raw', includeVersions: false } : PUBLISHED);
    };

  async function plan(transaction: PlannedTransaction, webhooks: Webhook[]): Promise<void> {
    const planned = await planDeliveries({
      transaction,
      webhooks,
      groqOf,
      viewOf: viewFor(transaction.dataset),
      projectId: options.projectId,
      onError: (webhook, documentId, error) =>
        options.logError(
          `lake: webhook "${webhook.name}" could not evaluate its filter or projection for ${documentId}`,
          error,
        ),
    });
    if (planned.length === 0) {
      cursor = transaction.seq;
      // Nothing to store: write the cursor soon rather than fsync once per transaction.
      cursorTimer ??= setTimeout(persistCursor, CURSOR_WRITE_DELAY_MS).unref();
      return;
    }
    // The cursor moves only once the deliveries are stored: a transaction
    // whose deliveries could not be (a full disk) is planned again.
    queue.enqueue(planned, transaction.seq);
    cursor = transaction.seq;
    worker.wake();
  }

  function persistCursor(): void {
    cursorTimer = undefined;
    if (!db.isOpen) return;
    try {
      queue.setCursor(cursor);
    } catch (error) {
      // Only a restart reads it back, and then replays from the older cursor:
      // deliveries may repeat (at least once), none is lost.
      options.logError('lake: could not save how far webhooks have been planned', error);
    }
  }

  async function catchUp(): Promise<void> {
    behind = false;
    const webhooks = currentWebhooks().filter((hook) => !hook.isDisabledByUser);
    if (webhooks.length === 0) return;
    let from = Math.max(cursor, Math.min(...webhooks.map((hook) => hook.sinceSeq)));
    for (;;) {
      const rows = db
        .prepare('SELECT seq, id, dataset, timestamp FROM transactions WHERE seq > ? ORDER BY seq LIMIT ?')
        .all(from, REPLAY_BATCH) as { seq: number; id: string; dataset: string; timestamp: string }[];
      for (const row of rows) {
        const documents = createTransactionLog(db, row.dataset).documentsOf(row.seq);
        await plan({ ...row, documents }, webhooks);
        from = row.seq;
      }
      if (rows.length < REPLAY_BATCH) return;
    }
  }

  async function planCommitted(event: TransactionEvent): Promise<void> {
    // After a failure, this transaction is not the next one to plan: one
    // catch-up plans it with those before it (an import commits hundreds at once).
    if (behind) return queueCatchUp();
    const webhooks = currentWebhooks();
    if (webhooks.length === 0) return;
    const row = db.prepare('SELECT seq FROM transactions WHERE id = ?').get(event.id) as { seq: number } | undefined;
    if (!row || row.seq <= cursor) return;
    await plan(
      { seq: row.seq, id: event.id, dataset: event.dataset, timestamp: event.timestamp, documents: event.documents },
      webhooks,
    );
  }

  let chain: Promise<void> = Promise.resolve();
  /** A planning failed: the transactions after the cursor are planned from the log, soon or on the next commit. */
  let behind = false;
  let catchUpQueued = false;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  const enqueueWork = (work: () => Promise<void>) => {
    chain = chain
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(work)
      .catch((error: unknown) => {
        behind = true;
        if (isStorageFull(error)) {
          // Not a bug: one line, no stack, as the HTTP side logs it.
          const why = error instanceof Error ? error.message : String(error);
          options.logError(
            `lake: planning webhook deliveries failed, as the lake's storage is full (${why}); they will be planned again`,
            undefined,
          );
        } else {
          options.logError('lake: planning webhook deliveries failed; they will be planned again', error);
        }
        clearTimeout(retryTimer);
        if (!closed) retryTimer = setTimeout(queueCatchUp, PLAN_RETRY_MS).unref();
      });
  };
  /** Queues one catch-up, unless one is already waiting to run. */
  function queueCatchUp(): void {
    if (catchUpQueued || closed) return;
    catchUpQueued = true;
    enqueueWork(() => {
      catchUpQueued = false;
      return catchUp();
    });
  }
  const unsubscribe = store.onTransaction((event) => enqueueWork(() => planCommitted(event)));
  enqueueWork(catchUp);
  queue.retryPendingNow();
  worker.wake();

  return {
    add(definition) {
      definitions = undefined;
      return addWebhook(db, definition);
    },
    list: () => listWebhooks(db),
    remove(idOrName) {
      definitions = undefined;
      return removeWebhook(db, idOrName);
    },
    deliveries(filter = {}) {
      const webhook =
        filter.webhook && listWebhooks(db).find((h) => h.id === filter.webhook || h.name === filter.webhook);
      return queue.list({
        webhookId: webhook ? webhook.id : filter.webhook,
        status: filter.status,
        limit: filter.limit,
      });
    },
    attempts: (deliveryId) => queue.attempts(deliveryId),
    async close() {
      closed = true;
      unsubscribe();
      clearTimeout(retryTimer);
      await chain;
      clearTimeout(retryTimer);
      clearTimeout(cursorTimer);
      persistCursor();
      await worker.close();
    },
  };
}
