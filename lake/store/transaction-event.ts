import type { LakeDocument } from './document.ts';

/** One document's part in a committed transaction. */
export type DocumentEffect = {
  id: string;
  /** The document before the transaction; null when it did not exist (transition "appear"). */
  before: LakeDocument | null;
  /** The document after; null when the transaction deleted it (transition "disappear"). */
  after: LakeDocument | null;
  /** `before._rev`, absent on appear. */
  previousRev?: string;
  /** The transaction id (= `after._rev`), absent on disappear. */
  resultRev?: string;
};

/** What `lake.onTransaction(cb)` receives after a commit is durable. */
export type TransactionEvent = {
  /** Transaction id; also the `_rev` of every document it wrote. */
  id: string;
  dataset: string;
  /** ISO timestamp with milliseconds; also the documents' `_updatedAt`. */
  timestamp: string;
  /** Author: the user id of the token that wrote, or the importer's identity. */
  identity: string;
  /** The mutations as received (for imports, a summary `{import: {...}}`). */
  mutations: unknown[];
  documents: DocumentEffect[];
  /**
   * Published ids of `documents` an import published with no draft to delete
   * (dataset-io/draftless-publishes.ts): listeners get the draft half of that
   * publish as well.
   */
  draftlessPublishes?: string[];
};

export type TransactionListener = (event: TransactionEvent) => void;
