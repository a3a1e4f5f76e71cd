import type { DocumentEffect, TransactionEvent } from '../store/transaction-event.ts';
import type { DocumentEffects } from './effects/document-effects.ts';
import type { ListenRequest } from './listen-request.ts';

export type Transition = 'appear' | 'update' | 'disappear';

/** The listener's transition for a document matched (or not) before and after: no event when neither matched. */
export function transitionOf(matchedBefore: boolean, matchedAfter: boolean): Transition | undefined {
  if (matchedBefore && matchedAfter) return 'update';
  if (matchedAfter) return 'appear';
  if (matchedBefore) return 'disappear';
  return undefined;
}

export type MutationEventInput = {
  transaction: TransactionEvent;
  doc: DocumentEffect;
  transition: Transition;
  request: ListenRequest;
  /** Computed on demand (once per document per transaction, shared by listeners). */
  effects: () => DocumentEffects;
};

/**
 * One `mutation` event, before the per-connection counters are added. The
 * Studio's pair listener rebuilds documents from `mutations` with
 * @sanity/mutator and chains `previousRev` → `resultRev`, so `mutations` is
 * the document's whole new state (or its deletion), `previousRev` is absent
 * when the document did not exist, `resultRev` is the transaction id and
 * `timestamp` is the document's `_updatedAt`.
 */
export function mutationEvent(input: MutationEventInput): Record<string, unknown> {
  const { transaction, doc, request } = input;
  const event: Record<string, unknown> = {
    type: 'mutation',
    eventId: `${transaction.id}#${doc.id}`,
    documentId: doc.id,
    transactionId: transaction.id,
    identity: transaction.identity,
  };
  if (request.includeMutations)
    event.mutations = [doc.after ? { createOrReplace: withoutRev(doc.after) } : { delete: { id: doc.id } }];
  if (request.effectFormat === 'mendoza') event.effects = input.effects();
  if (doc.before && doc.previousRev !== undefined) event.previousRev = doc.previousRev;
  event.resultRev = transaction.id;
  event.timestamp = typeof doc.after?._updatedAt === 'string' ? doc.after._updatedAt : transaction.timestamp;
  event.visibility = request.visibility;
  event.transition = input.transition;
  if (request.includeResult && doc.after) event.result = doc.after;
  if (request.includePreviousRevision && doc.before) event.previous = doc.before;
  return event;
}

function withoutRev(doc: Record<string, unknown>): Record<string, unknown> {
  const { _rev, ...rest } = doc;
  return rest;
}
