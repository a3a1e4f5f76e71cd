import { canWrite, identityOf } from '../../auth/roles.ts';
import { errors } from '../../errors/catalog.ts';
import { runQuery } from '../../groq/run-query.ts';
import { prepareTransaction } from '../../mutations/prepare-transaction.ts';
import { indexView } from '../../perspective/view.ts';
import type { LakeRuntime } from '../../runtime.ts';
import type { LakeDocument } from '../../store/document.ts';
import { requireDataset } from '../datasets.ts';
import { flag } from '../flags.ts';
import type { RequestContext } from '../request-context.ts';
import type { Route } from '../router.ts';

const TRANSACTION_ID = /^[A-Za-z0-9._-]{1,128}$/;

function readBody(body: unknown): { mutations: unknown[]; transactionId: string | undefined } {
  const shape = Array.isArray(body) ? { mutations: body } : body;
  if (typeof shape !== 'object' || shape === null || !Array.isArray((shape as { mutations?: unknown }).mutations)) {
    throw errors.badRequest(
      'InvalidMutationBody',
      'The mutate body must be {"mutations": [...], "transactionId"?: "..."}',
      'Send a JSON object with a "mutations" array.',
    );
  }
  const { mutations, transactionId } = shape as { mutations: unknown[]; transactionId?: unknown };
  if (mutations.length === 0) {
    throw errors.badRequest('EmptyTransaction', 'The transaction has no mutations', 'Send at least one mutation.');
  }
  if (transactionId !== undefined && (typeof transactionId !== 'string' || !TRANSACTION_ID.test(transactionId))) {
    throw errors.badRequest(
      'InvalidTransactionId',
      `transactionId must be 1-128 letters, digits, ".", "_" or "-"; got ${JSON.stringify(transactionId)}`,
      'Omit transactionId to have one generated.',
    );
  }
  return { mutations, transactionId: transactionId as string | undefined };
}

async function selectIds(
  documents: LakeDocument[],
  query: string,
  params: Record<string, unknown>,
  dataset: string,
  runtime: LakeRuntime,
) {
  const result = await runQuery({
    query,
    params,
    view: indexView(documents),
    identity: '',
    sanity: { projectId: runtime.projectId, dataset },
    limits: runtime.queryLimits,
  });
  const list = Array.isArray(result) ? result : result === null ? [] : [result];
  return list.flatMap((item) =>
    typeof item === 'object' && item !== null && typeof (item as { _id?: unknown })._id === 'string'
      ? [(item as { _id: string })._id]
      : [],
  );
}

async function mutate(context: RequestContext, runtime: LakeRuntime) {
  const principal = runtime.principal(context);
  const dataset = context.params.dataset as string;
  const state = requireDataset(runtime, dataset);
  const { mutations, transactionId } = readBody(await context.json());
  const search = context.url.searchParams;
  const prepared = await runtime.store.exclusive(async () => {
    if (transactionId && runtime.store.hasTransaction(transactionId)) {
      throw errors.mutationFailed(409, [
        {
          error: {
            type: 'transactionIdConflictError',
            description: `Transaction ID "${transactionId}" has already been used`,
          },
          index: 0,
        },
      ]);
    }
    const transaction = await prepareTransaction({
      dataset,
      state,
      mutations,
      transactionId,
      identity: identityOf(principal),
      canWrite: canWrite(principal),
      autoGenerateArrayKeys: flag(search, 'autoGenerateArrayKeys'),
      selectIds: (documents, query, params) => selectIds(documents, query, params, dataset, runtime),
    });
    // visibility=sync|async|deferred all return after the commit is durable: the lake has no index lag.
    if (!flag(search, 'dryRun') && transaction.commit.documents.length > 0) runtime.store.commit(transaction.commit);
    return transaction;
  });
  const returnDocuments = flag(search, 'returnDocuments');
  const results = prepared.results.map(({ id, operation, document }) =>
    returnDocuments ? { id, operation, document } : { id, operation },
  );
  const body: Record<string, unknown> = { transactionId: prepared.commit.transactionId, results };
  if (flag(search, 'returnIds')) body.documentIds = [...new Set(results.map((r) => r.id))];
  return { json: body };
}

export const mutateRoutes: Route<LakeRuntime>[] = [
  { method: 'POST', path: '/:version/data/mutate/:dataset', handle: mutate },
];
