import { mutationKinds } from '../mutations/kinds/index.ts';
import { MutationItemError, mutationErrors } from '../mutations/mutation-item-error.ts';
import type { MutationContext, Operation } from '../mutations/mutation-kind.ts';
import { Overlay } from '../mutations/overlay.ts';
import { finishTransaction, type PreparedTransaction } from '../mutations/prepare-transaction.ts';
import { brokenReference, WriteLog } from '../mutations/reference-integrity.ts';
import type { DatasetState } from '../store/dataset-state.ts';
import { ActionItemError, actionErrors, actionFailed } from './action-error.ts';
import type { ActionContext } from './action-kind.ts';
import { ACTION_TYPES, actionKinds, isActionType } from './kinds/index.ts';

export type ActionsRequest = {
  dataset: string;
  state: DatasetState | undefined;
  actions: unknown[];
  transactionId: string | undefined;
  identity: string;
  canWrite: boolean;
  autoGenerateArrayKeys: boolean;
};

/**
 * Runs every action of a request, in order, against one overlay: later
 * actions see earlier ones, and the first failure fails them all (nothing is
 * applied). Each action becomes ordinary mutations, so the transaction log,
 * listeners and history see the same shapes as from /data/mutate.
 */
export async function prepareActions(request: ActionsRequest): Promise<PreparedTransaction> {
  const overlay = new Overlay(request.state);
  const results: { id: string; operation: Operation }[] = [];
  const logged: unknown[] = [];
  const writes = new WriteLog();
  let current = 0;
  const mutationContext: MutationContext = {
    overlay,
    autoGenerateArrayKeys: request.autoGenerateArrayKeys,
    selectIds: () => Promise.reject(mutationErrors.invalid('actions address documents by id, not by query')),
  };
  const context: ActionContext = {
    get: (id) => overlay.get(id),
    async mutate(mutation) {
      for (const [kind, payload] of Object.entries(mutation)) {
        const outcome = await mutationKinds[kind as keyof typeof mutationKinds].apply(payload, mutationContext);
        results.push(...outcome.results);
        logged.push(outcome.logged);
        writes.record(current, outcome.results, overlay);
      }
    },
  };
  for (const [index, action] of request.actions.entries()) {
    current = index;
    try {
      await runOne(action, request.canWrite, context);
    } catch (error) {
      throw failedAt(error, index);
    }
  }
  const broken = brokenReference(overlay, writes);
  if (broken) throw failedAt(broken.error, broken.index);
  return finishTransaction({
    dataset: request.dataset,
    overlay,
    results,
    logged,
    transactionId: request.transactionId,
    identity: request.identity,
  });
}

/** An action's failure as the endpoint answers it; mutation errors keep their type and details. */
function failedAt(error: unknown, index: number): unknown {
  if (error instanceof ActionItemError) return actionFailed(error, index);
  if (error instanceof MutationItemError) {
    return actionFailed(new ActionItemError(error.status, error.type, error.message, error.extra), index);
  }
  return error;
}

function runOne(action: unknown, canWrite: boolean, context: ActionContext): Promise<void> {
  if (typeof action !== 'object' || action === null || Array.isArray(action)) {
    throw actionErrors.invalid('action', 'each action must be an object with an "actionType"');
  }
  const type = (action as { actionType?: unknown }).actionType;
  if (!isActionType(type)) throw actionErrors.unknownType(type, ACTION_TYPES);
  if (!canWrite) throw actionErrors.insufficientPermissions();
  return actionKinds[type].run(action, context);
}
