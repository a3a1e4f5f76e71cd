import type { DatabaseSync } from 'node:sqlite';
import type { LakeDocument } from './document.ts';
import { inTransaction } from './open-database.ts';

export type CommitInput = {
  dataset: string;
  transactionId: string;
  timestamp: string;
  identity: string;
  mutations: unknown[];
  /** Final state per affected document; `before` must be the current in-memory document. */
  documents: { id: string; before: LakeDocument | null; after: LakeDocument | null }[];
  /** Published ids an import publishes without a draft (dataset-io/draftless-publishes.ts); for listeners, not stored. */
  draftlessPublishes?: string[];
};

/**
 * Writes transactions in one SQLite transaction: per transaction the log row,
 * the new state of each document, and per document the revision it replaced
 * and the document after it (NULL when deleted). All of it is on disk, or
 * none: an import's batches (dataset-io/commit-import.ts) land together.
 */
export function writeTransactions(db: DatabaseSync, inputs: readonly CommitInput[]): void {
  const insertTx = db.prepare(
    'INSERT INTO transactions (id, dataset, timestamp, author, mutations) VALUES (?, ?, ?, ?, ?)',
  );
  const upsertDoc = db.prepare(
    'INSERT INTO documents (dataset, id, type, body) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT (dataset, id) DO UPDATE SET type = excluded.type, body = excluded.body',
  );
  const deleteDoc = db.prepare('DELETE FROM documents WHERE dataset = ? AND id = ?');
  const insertEffect = db.prepare(
    'INSERT INTO transaction_documents (seq, dataset, document_id, previous_rev, after) VALUES (?, ?, ?, ?, ?)',
  );
  const ensureDataset = db.prepare('INSERT OR IGNORE INTO datasets (name, acl_mode, created_at) VALUES (?, ?, ?)');
  inTransaction(db, () => {
    for (const input of inputs) {
      ensureDataset.run(input.dataset, 'public', input.timestamp);
      const seq = insertTx.run(
        input.transactionId,
        input.dataset,
        input.timestamp,
        input.identity,
        JSON.stringify(input.mutations),
      ).lastInsertRowid;
      for (const doc of input.documents) {
        const body = doc.after ? JSON.stringify(doc.after) : null;
        if (doc.after && body) {
          upsertDoc.run(input.dataset, doc.id, typeof doc.after._type === 'string' ? doc.after._type : null, body);
        } else {
          deleteDoc.run(input.dataset, doc.id);
        }
        insertEffect.run(seq, input.dataset, doc.id, doc.before?._rev ?? null, body);
      }
    }
  });
}
