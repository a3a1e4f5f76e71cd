import { documentEffects } from '../listen/effects/document-effects.ts';
import type { TransactionsRequest } from './history-request.ts';
import { withImportPublishes } from './import-as-publish.ts';
import type { LoggedTransaction, TransactionLog } from './transaction-log.ts';

/**
 * One NDJSON line of the transactions endpoint, as the Studio's timeline
 * reads it: `id`, `timestamp`, `author` (who wrote it), `documentIDs`,
 * `effects` per document in mendoza format (the same encoding the listener
 * sends, so live and fetched history line up), and `mutations` unless
 * excluded. An import is presented as the publish it is (import-as-publish.ts).
 */
export function transactionLine(
  transaction: LoggedTransaction,
  log: TransactionLog,
  request: TransactionsRequest,
  requestedIds: Set<string> | undefined,
): Record<string, unknown> {
  const onlyRequested = request.includeIdentifiedDocumentsOnly && requestedIds;
  const documents = withImportPublishes(transaction, log.documentsOf(transaction.seq), log).filter(
    (doc) => !onlyRequested || requestedIds.has(doc.id),
  );
  const line: Record<string, unknown> = {
    id: transaction.id,
    timestamp: transaction.timestamp,
    author: transaction.author,
    documentIDs: documents.map((doc) => doc.id),
  };
  if (request.effectFormat === 'mendoza') {
    line.effects = Object.fromEntries(documents.map((doc) => [doc.id, documentEffects(doc.before, doc.after)]));
  }
  if (!request.excludeMutations) {
    line.mutations = request.excludeContent ? transaction.mutations.map(withoutContent) : transaction.mutations;
  }
  return line;
}

const DOCUMENT_KINDS = new Set(['create', 'createOrReplace', 'createIfNotExists']);

/** `excludeContent`: a mutation names its document and what it did, without the document's fields. */
function withoutContent(mutation: unknown): unknown {
  if (typeof mutation !== 'object' || mutation === null) return mutation;
  return Object.fromEntries(
    Object.entries(mutation).map(([kind, payload]) => {
      if (typeof payload !== 'object' || payload === null) return [kind, payload];
      const body = payload as Record<string, unknown>;
      if (DOCUMENT_KINDS.has(kind)) return [kind, pick(body, ['_id', '_type'])];
      if (kind === 'patch') return [kind, pick(body, ['id', 'query', 'ifRevisionID'])];
      return [kind, body];
    }),
  );
}

function pick(body: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => body[key] !== undefined).map((key) => [key, body[key]]));
}
