import type { DatabaseSync } from 'node:sqlite';

// Webhooks keep their own tables in the lake's SQLite file, created on first
// use (so the lake's numbered migrations stay the store's own):
// - `webhooks`: definitions (JSON, validated on write);
// - `webhook_deliveries`: the durable queue, one row per webhook, document
//   and transaction, with its body fixed when planned;
// - `webhook_attempts`: every attempt, failures with status or error;
// - `webhook_cursor`: the last transaction-log position already planned, so a
//   restart plans what a crash between commit and planning left out.
const TABLES = `
  CREATE TABLE IF NOT EXISTS webhooks (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    definition TEXT NOT NULL,
    since_seq INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS webhook_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id TEXT NOT NULL,
    dataset TEXT NOT NULL,
    transaction_id TEXT NOT NULL,
    transaction_time TEXT NOT NULL,
    document_id TEXT NOT NULL,
    operation TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_status INTEGER,
    last_error TEXT,
    created_at TEXT NOT NULL,
    finished_at TEXT
  );
  CREATE INDEX IF NOT EXISTS webhook_deliveries_queue ON webhook_deliveries (status, webhook_id, document_id, id);
  CREATE TABLE IF NOT EXISTS webhook_attempts (
    delivery_id INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    at TEXT NOT NULL,
    status INTEGER,
    error TEXT,
    duration_ms INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS webhook_cursor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL
  );
`;

export function ensureWebhookTables(db: DatabaseSync): void {
  db.exec(TABLES);
}

/** The newest position in the transaction log (0 when empty). */
export function lastLogSeq(db: DatabaseSync): number {
  const row = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM transactions').get() as { seq: number };
  return row.seq;
}
