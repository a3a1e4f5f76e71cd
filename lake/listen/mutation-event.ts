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

/** The effects of a draft missing before and after, as the history gives an import's publish. */
const ABSENT = { apply: [0, null], revert: [0, null] };

/**
 * The draft half of a publish that had no draft to delete (an import's; see
 * dataset-io/draftless-publishes.ts). The Studio's timeline calls a
 * transaction a publish when it sees the draft deleted beside the published
 * document written; without this event a Studio open on an imported story
 * showed the import as a live edit. It changes nothing: no mutations (a
 * deletion would not apply to a missing document, and the Studio would wait
 * for it forever), `[0, null]` both ways, `disappear` as a publish's draft
 * does (which leaves the Studio expecting no revision of the draft), no
 * `previousRev`.
 */
export function absentDraftEvent(input: {
  transaction: TransactionEvent;
  draftId: string;
  request: ListenRequest;
}): Record<string, unknown> {
  const event = mutationEvent({
    ...input,
    doc: { id: input.draftId, before: null, after: null },
    transition: 'disappear',
    effects: () => ABSENT,
  });
  if (input.request.includeMutations) event.mutations = [];
  return event;
}
