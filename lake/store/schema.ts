// The lake's SQLite layout: one database file per lake holding every dataset
// (a `dataset` column), so one transaction can span documents, the
// transaction log and assets' documents, and tokens are shared by datasets.
//
// - `documents` is the current state (what the in-memory maps are loaded from).
// - `transactions` + `transaction_documents` are the log: per transaction its
//   id (= the `_rev` it produced), time, author and mutations; per affected
//   document the revision it replaced and the document after it (NULL after a
//   delete). The document before a transaction is the previous row's `after`
//   for that id, which is enough for history, listener effects and webhooks.
import type { DatabaseSync } from 'node:sqlite';

const MIGRATIONS: string[] = [
  `
  CREATE TABLE datasets (
    name TEXT PRIMARY KEY,
    acl_mode TEXT NOT NULL DEFAULT 'public',
    created_at TEXT NOT NULL
  );
  CREATE TABLE documents (
    dataset TEXT NOT NULL,
    id TEXT NOT NULL,
    type TEXT,
    body TEXT NOT NULL,
    PRIMARY KEY (dataset, id)
  ) WITHOUT ROWID;
  CREATE TABLE transactions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    dataset TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    author TEXT NOT NULL,
    mutations TEXT NOT NULL
  );
  CREATE INDEX transactions_by_dataset ON transactions (dataset, seq);
  CREATE TABLE transaction_documents (
    seq INTEGER NOT NULL,
    dataset TEXT NOT NULL,
    document_id TEXT NOT NULL,
    previous_rev TEXT,
    after TEXT,
    PRIMARY KEY (seq, document_id)
  ) WITHOUT ROWID;
  CREATE INDEX transaction_documents_by_document ON transaction_documents (dataset, document_id, seq);
  CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    user_email TEXT,
    created_at TEXT NOT NULL
  );
  `,
];

/** Brings the database to the newest layout; `PRAGMA user_version` counts applied migrations. */
export function migrate(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  for (let version = row.user_version; version < MIGRATIONS.length; version++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(MIGRATIONS[version] as string);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
