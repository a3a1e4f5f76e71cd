// Reads the lake's transaction log (lake/store/schema.ts): `transactions`
// holds each transaction's id, time, author and mutations; per document,
// `transaction_documents` holds the document after it (NULL when deleted).
// The document before a transaction is the previous row's `after`.
import type { DatabaseSync } from 'node:sqlite';
import type { LakeDocument } from '../store/document.ts';

export type LoggedTransaction = { seq: number; id: string; timestamp: string; author: string; mutations: unknown[] };

/** A document a transaction wrote: its state before and after (null: absent or deleted). */
export type LoggedDocument = { id: string; before: LakeDocument | null; after: LakeDocument | null };

export type TransactionRange = {
  /** Only transactions touching one of these documents (all when absent). */
  documentIds?: string[];
  fromSeq?: number;
  toSeq?: number;
  fromTime?: string;
  toTime?: string;
  authors?: string[];
  newestFirst: boolean;
  limit?: number;
};

type TransactionRow = { seq: number; id: string; timestamp: string; author: string; mutations: string };

export function createTransactionLog(db: DatabaseSync, dataset: string) {
  const toLogged = (row: TransactionRow): LoggedTransaction => ({
    seq: row.seq,
    id: row.id,
    timestamp: row.timestamp,
    author: row.author,
    mutations: JSON.parse(row.mutations) as unknown[],
  });
  const parse = (after: string | null) => (after === null ? null : (JSON.parse(after) as LakeDocument));
  return {
    /** The position of a transaction in this dataset's log. */
    seqOf(transactionId: string): number | undefined {
      const row = db.prepare('SELECT seq FROM transactions WHERE id = ? AND dataset = ?').get(transactionId, dataset) as
        | { seq: number }
        | undefined;
      return row?.seq;
    },

    /** The transactions in a range, oldest or newest first. */
    transactions(range: TransactionRange): LoggedTransaction[] {
      const where = ['t.dataset = ?'];
      const args: (string | number)[] = [dataset];
      if (range.documentIds) {
        where.push(
          `t.seq IN (SELECT seq FROM transaction_documents WHERE dataset = ? AND document_id IN (${range.documentIds.map(() => '?').join(', ')}))`,
        );
        args.push(dataset, ...range.documentIds);
      }
      const bound = (condition: string, value: string | number | undefined) => {
        if (value === undefined) return;
        where.push(condition);
        args.push(value);
      };
      bound('t.seq >= ?', range.fromSeq);
      bound('t.seq <= ?', range.toSeq);
      bound('t.timestamp >= ?', range.fromTime);
      bound('t.timestamp <= ?', range.toTime);
      if (range.authors) {
        where.push(`t.author IN (${range.authors.map(() => '?').join(', ')})`);
        args.push(...range.authors);
      }
      const limit = range.limit === undefined ? '' : ` LIMIT ${Math.floor(range.limit)}`;
      const sql = `SELECT t.seq, t.id, t.timestamp, t.author, t.mutations FROM transactions t WHERE ${where.join(' AND ')} ORDER BY t.seq ${range.newestFirst ? 'DESC' : 'ASC'}${limit}`;
      return (db.prepare(sql).all(...args) as TransactionRow[]).map(toLogged);
    },

    /** Every document a transaction wrote, with its state before and after. */
    documentsOf(seq: number): LoggedDocument[] {
      const rows = db
        .prepare('SELECT document_id, after FROM transaction_documents WHERE seq = ? ORDER BY document_id')
        .all(seq) as { document_id: string; after: string | null }[];
      return rows.map((row) => ({
        id: row.document_id,
        before: this.stateBefore(row.document_id, seq),
        after: parse(row.after),
      }));
    },

    /** A document as the last transaction before `seq` left it (null: absent or deleted). */
    stateBefore(documentId: string, seq: number): LakeDocument | null {
      const row = db
        .prepare(
          'SELECT after FROM transaction_documents WHERE dataset = ? AND document_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1',
        )
        .get(dataset, documentId, seq) as { after: string | null } | undefined;
      return row ? parse(row.after) : null;
    },

    /** A document as of a point in the log (null: it did not exist then). */
    stateAt(documentId: string, at: { seq: number } | { time: string }): LakeDocument | null {
      const row = (
        'seq' in at
          ? db
              .prepare(
                'SELECT after FROM transaction_documents WHERE dataset = ? AND document_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1',
              )
              .get(dataset, documentId, at.seq)
          : db
              .prepare(
                'SELECT d.after FROM transaction_documents d JOIN transactions t ON t.seq = d.seq ' +
                  'WHERE d.dataset = ? AND d.document_id = ? AND t.timestamp <= ? ORDER BY d.seq DESC LIMIT 1',
              )
              .get(dataset, documentId, at.time)
      ) as { after: string | null } | undefined;
      return row ? parse(row.after) : null;
    },

    /** A document's last existing state, even if it has been deleted since. */
    lastState(documentId: string): LakeDocument | null {
      const row = db
        .prepare(
          'SELECT after FROM transaction_documents WHERE dataset = ? AND document_id = ? AND after IS NOT NULL ORDER BY seq DESC LIMIT 1',
        )
        .get(dataset, documentId) as { after: string } | undefined;
      return row ? parse(row.after) : null;
    },
  };
}

export type TransactionLog = ReturnType<typeof createTransactionLog>;
