import { z } from 'zod';
import { ActionItemError, actionFailed, invalidActionsBody } from '../../actions/action-error.ts';
import { prepareActions } from '../../actions/prepare-actions.ts';
import { canWrite, identityOf } from '../../auth/roles.ts';
import type { LakeRuntime } from '../../runtime.ts';
import { requireDataset } from '../datasets.ts';
import { flag } from '../flags.ts';
import type { RequestContext } from '../request-context.ts';
import type { Route } from '../router.ts';

const bodySchema = z.object({
  // One action object is accepted as a list of one, as @sanity/client's action() allows either.
  actions: z.union([z.array(z.unknown()).min(1, 'needs at least one action'), z.record(z.string(), z.unknown())]),
  transactionId: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,128}$/, 'must be 1-128 letters, digits, ".", "_" or "-"')
    .optional(),
  dryRun: z.boolean().optional(),
  skipCrossDatasetReferenceValidation: z.boolean().optional(),
});

/**
 * `POST /v{v}/data/actions/{dataset}` `{actions, transactionId?, dryRun?}`:
 * all actions commit as one transaction (its id, the client's when sent, is
 * every written document's `_rev`), or none do. Answers `{transactionId}`,
 * which the Studio matches against its listener to recognise its own edits.
 */
async function actions(context: RequestContext, runtime: LakeRuntime) {
  const principal = runtime.principal(context);
  const dataset = context.params.dataset as string;
  const state = requireDataset(runtime, dataset);
  const parsed = bodySchema.safeParse(await context.json());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidActionsBody(`Invalid actions request: ${issue?.path.join('.') || 'body'}: ${issue?.message}`);
  }
  const { transactionId, dryRun } = parsed.data;
  const list = Array.isArray(parsed.data.actions) ? parsed.data.actions : [parsed.data.actions];
  const prepared = await runtime.store.exclusive(async () => {
    if (transactionId && runtime.store.hasTransaction(transactionId)) {
      throw actionFailed(
        new ActionItemError(
          409,
          'transactionIdConflictError',
          `Transaction ID "${transactionId}" has already been used`,
        ),
        0,
      );
    }
    const transaction = await prepareActions({
      dataset,
      state,
      actions: list,
      transactionId,
      identity: identityOf(principal),
      canWrite: canWrite(principal),
      autoGenerateArrayKeys: flag(context.url.searchParams, 'autoGenerateArrayKeys'),
    });
    if (!dryRun && transaction.commit.documents.length > 0) runtime.store.commit(transaction.commit);
    return transaction;
  });
  return { json: { transactionId: prepared.commit.transactionId } };
}

export const actionRoutes: Route<LakeRuntime>[] = [
  { method: 'POST', path: '/:version/data/actions/:dataset', handle: actions },
];
