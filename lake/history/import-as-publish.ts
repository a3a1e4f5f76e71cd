// How the history presents an import to the Studio.
//
// The Studio's legacy timeline (sanity's chunker) tells a publish from a live
// edit by the draft: a transaction that writes the published document and
// deletes its draft is a publish; one that writes the published document
// alone is a live edit. "Review changes" shows what changed since the last
// publish, and with none it goes back to before the document existed, so
// every field of a document that only an import ever wrote showed as changed.
// An import is a publish: it writes what readers get, and the Studio's
// events-based history (hosted Sanity's default) reviews changes since the
// last publish or else since the creation, so an imported document has
// nothing to review there. But an import has no draft to delete. So a published document an import wrote while it
// had no draft is given, in the history, the draft effect of a publish: a
// deletion of that absent draft, `[0, null]` both ways, which is true of a
// draft that was missing before and after and changes no reconstruction.
import { draftlessPublishes } from '../dataset-io/draftless-publishes.ts';
import { draftIdOf } from '../ids/document-id.ts';
import type { LoggedDocument, LoggedTransaction, TransactionLog } from './transaction-log.ts';

/** `documents` (those a transaction wrote, by id) with, for an import, the absent drafts of what it published. */
export function withImportPublishes(
  transaction: LoggedTransaction,
  documents: LoggedDocument[],
  log: TransactionLog,
): LoggedDocument[] {
  if (!isImport(transaction)) return documents;
  // The same rule tells listeners of these drafts when the import commits (commit-import.ts).
  const absentDrafts = draftlessPublishes(
    documents.flatMap((doc) => (doc.after ? [doc.after] : [])),
    (draftId) => log.stateBefore(draftId, transaction.seq) !== null,
  ).map((id) => ({ id: draftIdOf(id), before: null, after: null }));
  if (absentDrafts.length === 0) return documents;
  return [...documents, ...absentDrafts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The log keeps each batch of an import as one summary mutation, `{import: {mode, documents, assets, batch, of}}` (commit-import.ts). */
function isImport(transaction: LoggedTransaction): boolean {
  return transaction.mutations.some(
    (mutation) => typeof mutation === 'object' && mutation !== null && 'import' in mutation,
  );
}
