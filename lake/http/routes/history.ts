import { Readable } from 'node:stream';
import { canReadDataset, canReadDrafts } from '../../auth/roles.ts';
import { historyErrors } from '../../history/history-errors.ts';
import { parseDocumentsRequest, parseTransactionsRequest } from '../../history/history-request.ts';
import { transactionLine } from '../../history/transaction-line.ts';
import { createTransactionLog, type TransactionLog } from '../../history/transaction-log.ts';
import type { LakeRuntime } from '../../runtime.ts';
import type { LakeDocument } from '../../store/document.ts';
import { requireDataset } from '../datasets.ts';
import type { RequestContext } from '../request-context.ts';
import type { LakeResponse } from '../response.ts';
import type { Route } from '../router.ts';

/** History needs a token (viewer or better); it then shows every revision of what the token can read now. */
function openLog(context: RequestContext, runtime: LakeRuntime): { log: TransactionLog; dataset: string } {
  const principal = runtime.principal(context);
  const dataset = context.params.dataset as string;
  requireDataset(runtime, dataset);
  if (!canReadDrafts(principal) || !canReadDataset(principal, runtime.store.aclMode(dataset))) {
    throw historyErrors.tokenRequired();
  }
  return { log: createTransactionLog(runtime.store.db, dataset), dataset };
}

const idList = (value: string | undefined) => (value ? [...new Set(value.split(',').filter(Boolean))] : undefined);
const isoTime = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());

/**
 * `GET /v{v}/data/history/{dataset}/transactions[/{ids}]`: NDJSON, one line
 * per transaction, oldest first (`reverse=true`: newest first), both ends
 * inclusive.
 */
async function transactions(context: RequestContext, runtime: LakeRuntime): Promise<LakeResponse> {
  const { log, dataset } = openLog(context, runtime);
  const request = parseTransactionsRequest(context.url.searchParams);
  const ids = idList(context.params.ids);
  const seqOf = (id: string | undefined) => {
    if (id === undefined) return undefined;
    const seq = log.seqOf(id);
    if (seq === undefined) throw historyErrors.transactionNotFound(id, dataset);
    return seq;
  };
  const found = log.transactions({
    documentIds: ids,
    fromSeq: seqOf(request.fromTransaction),
    toSeq: seqOf(request.toTransaction),
    fromTime: isoTime(request.fromTime),
    toTime: isoTime(request.toTime),
    authors: idList(request.authors),
    newestFirst: request.reverse,
    limit: request.limit,
  });
  const requested = ids ? new Set(ids) : undefined;
  // Lines are built as the client reads them, so a long history is never held whole.
  const lines = function* () {
    for (const transaction of found) yield `${JSON.stringify(transactionLine(transaction, log, request, requested))}\n`;
  };
  return { body: Readable.from(lines()), contentType: 'application/x-ndjson' };
}

/**
 * `GET /v{v}/data/history/{dataset}/documents/{ids}?revision=|time=|lastRevision=true`:
 * `{documents, omitted}`, each document as it was then (its `_rev` is the
 * transaction that produced that state); by default as it is now.
 */
async function documents(context: RequestContext, runtime: LakeRuntime): Promise<LakeResponse> {
  const { log, dataset } = openLog(context, runtime);
  const request = parseDocumentsRequest(context.url.searchParams);
  let stateOf: (id: string) => LakeDocument | null;
  if (request.lastRevision) stateOf = (id) => log.lastState(id);
  else if (request.revision !== undefined) {
    const seq = log.seqOf(request.revision);
    if (seq === undefined) throw historyErrors.transactionNotFound(request.revision, dataset);
    stateOf = (id) => log.stateAt(id, { seq });
  } else {
    const time = isoTime(request.time) ?? new Date().toISOString();
    stateOf = (id) => log.stateAt(id, { time });
  }
  const found: LakeDocument[] = [];
  const omitted: { id: string; reason: 'existence' }[] = [];
  for (const id of idList(context.params.ids) ?? []) {
    const doc = stateOf(id);
    if (doc) found.push(doc);
    else omitted.push({ id, reason: 'existence' });
  }
  return { json: { documents: found, omitted } };
}

export const historyRoutes: Route<LakeRuntime>[] = [
  { method: 'GET', path: '/:version/data/history/:dataset/transactions', handle: transactions },
  { method: 'GET', path: '/:version/data/history/:dataset/transactions/:ids', handle: transactions },
  { method: 'GET', path: '/:version/data/history/:dataset/documents/:ids', handle: documents },
];
