import { isDraftId, isPublishedId } from '../ids/document-id.ts';
import type { View } from '../perspective/view.ts';
import type { LakeDocument } from '../store/document.ts';
import type { Webhook, WebhookOperation } from './webhook-definition.ts';
import type { WebhookGroq } from './webhook-groq.ts';

/** A committed transaction as planning needs it (live from onTransaction, or rebuilt from the log). */
export type PlannedTransaction = {
  seq: number;
  id: string;
  dataset: string;
  timestamp: string;
  documents: { id: string; before: LakeDocument | null; after: LakeDocument | null }[];
};

export type PlannedDelivery = {
  webhookId: string;
  dataset: string;
  transactionId: string;
  transactionTime: string;
  documentId: string;
  operation: WebhookOperation;
  /** The projection's JSON, fixed now: retries send the same bytes. */
  body: string;
};

export type PlanInput = {
  transaction: PlannedTransaction;
  webhooks: Webhook[];
  groqOf(webhook: Webhook): WebhookGroq;
  /** What `*` and `->` read in filters and projections: published documents, or with drafts. */
  viewOf(includeDrafts: boolean): View;
  projectId: string;
  /** A filter or projection that fails at run time skips that delivery; this reports it. */
  onError(webhook: Webhook, subject: string, error: unknown): void;
};

const OPERATION_OF = { appear: 'create', update: 'update', disappear: 'delete' } as const;

/**
 * The deliveries one transaction causes. As with the listener, a webhook's
 * filter is tried on the document before and after: matching only after is
 * a create, both an update, only before a delete. The body is the projection
 * of the document after, or before for a delete, as Sanity does.
 */
export async function planDeliveries(input: PlanInput): Promise<PlannedDelivery[]> {
  const { transaction } = input;
  const planned: PlannedDelivery[] = [];
  for (const webhook of input.webhooks) {
    if (webhook.isDisabledByUser || webhook.sinceSeq >= transaction.seq) continue;
    if (webhook.dataset !== '*' && webhook.dataset !== transaction.dataset) continue;
    let groq: WebhookGroq;
    try {
      groq = input.groqOf(webhook);
    } catch (error) {
      // A rule stored before a limit it now breaks (query-depth.ts): that
      // webhook is skipped and reported; the others are planned as usual.
      input.onError(webhook, `transaction ${transaction.id}`, error);
      continue;
    }
    const view = () => input.viewOf(webhook.includeDrafts);
    const sanity = { projectId: input.projectId, dataset: transaction.dataset };
    for (const { id, before, after } of transaction.documents) {
      if (!isPublishedId(id) && !(webhook.includeDrafts && isDraftId(id))) continue;
      try {
        const context = { before, after, view, sanity };
        const matchedBefore = before ? await groq.matches({ ...context, doc: before }) : false;
        const matchedAfter = after ? await groq.matches({ ...context, doc: after }) : false;
        const transition = matchedAfter
          ? matchedBefore
            ? 'update'
            : 'appear'
          : matchedBefore
            ? 'disappear'
            : undefined;
        if (!transition) continue;
        const operation = OPERATION_OF[transition];
        if (!webhook.rule.on.includes(operation)) continue;
        const doc = (operation === 'delete' ? before : after) as LakeDocument;
        const body = JSON.stringify(await groq.project({ ...context, doc })) ?? 'null';
        planned.push({
          webhookId: webhook.id,
          dataset: transaction.dataset,
          transactionId: transaction.id,
          transactionTime: transaction.timestamp,
          documentId: id,
          operation,
          body,
        });
      } catch (error) {
        input.onError(webhook, id, error);
      }
    }
  }
  return planned;
}
