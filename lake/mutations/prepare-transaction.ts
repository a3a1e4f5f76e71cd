import { errors } from '../errors/catalog.ts';
import { randomId } from '../ids/random-id.ts';
import type { DatasetState } from '../store/dataset-state.ts';
import type { LakeDocument } from '../store/document.ts';
import type { CommitInput } from '../store/lake-store.ts';
import { isMutationKind, mutationKinds } from './kinds/index.ts';
import { MutationItemError, mutationErrors } from './mutation-item-error.ts';
import type { MutationContext, Operation } from './mutation-kind.ts';
import { Overlay } from './overlay.ts';
import { brokenReference, WriteLog } from './reference-integrity.ts';

export type TransactionRequest = {
  dataset: string;
  state: DatasetState | undefined;
  mutations: unknown[];
  transactionId: string | undefined;
  identity: string;
  /** Whether the caller may write at all; otherwise every mutation is refused (403). */
  canWrite: boolean;
  autoGenerateArrayKeys: boolean;
  /** Runs a GROQ query over documents, for mutations that select by query. */
  selectIds: (documents: LakeDocument[], query: string, params: Record<string, unknown>) => Promise<string[]>;
};

export type PreparedTransaction = {
  commit: CommitInput;
  results: { id: string; operation: Operation; document?: LakeDocument | null }[];
};

/**
 * Runs every mutation of a transaction against an overlay of the dataset and
 * returns what to commit. The first failing mutation fails the transaction
 * (Sanity's `mutationError`, naming the mutation's index and document);
 * nothing is applied until `store.commit` is called with the result.
 */
export async function prepareTransaction(request: TransactionRequest): Promise<PreparedTransaction> {
  const overlay = new Overlay(request.state);
  const context: MutationContext = {
    overlay,
    autoGenerateArrayKeys: request.autoGenerateArrayKeys,
    selectIds: (query, params) => request.selectIds(overlay.documents(), query, params),
  };
  const results: PreparedTransaction['results'] = [];
  const logged: unknown[] = [];
  const writes = new WriteLog();
  for (const [index, mutation] of request.mutations.entries()) {
    try {
      const [kind, payload] = readKind(mutation);
      const handler = mutationKinds[kind];
      if (!request.canWrite) throw mutationErrors.insufficientPermissions(handler.permission);
      const outcome = await handler.apply(payload, context);
      results.push(...outcome.results);
      logged.push(outcome.logged);
      writes.record(index, outcome.results, overlay);
    } catch (error) {
      if (error instanceof MutationItemError) throw errors.mutationFailed(error.status, [error.toItem(index)]);
      throw error;
    }
  }
  const broken = brokenReference(overlay, writes);
  if (broken) throw errors.mutationFailed(409, [broken.error.toItem(broken.index)]);
  return finishTransaction({
    dataset: request.dataset,
    overlay,
    results,
    logged,
    transactionId: request.transactionId,
    identity: request.identity,
  });
}

export type FinishOptions = {
  dataset: string;
  /** The overlay the transaction's writes were staged in. */
  overlay: Overlay;
  results: { id: string; operation: Operation }[];
  /** The mutations as the transaction log records them. */
  logged: unknown[];
  /** The client's id (becomes every written document's `_rev`), or undefined to generate one. */
  transactionId: string | undefined;
  identity: string;
};

/**
 * Turns staged writes into what `store.commit` takes: system fields set on
 * every changed document, unchanged ones left out. Shared by the mutate and
 * actions endpoints, so both write documents the same way.
 */
export function finishTransaction(options: FinishOptions): PreparedTransaction {
  const { overlay, results } = options;
  const transactionId = options.transactionId ?? randomId();
  const timestamp = new Date().toISOString();
  const changed = new Set(results.filter((r) => r.operation !== 'none').map((r) => r.id));
  const documents: CommitInput['documents'] = [];
  for (const [id, staged] of overlay.staged()) {
    if (!changed.has(id)) continue;
    const before = overlay.committed(id);
    if (!before && !staged) continue;
    const origin = overlay.wasDeleted(id) ? null : before;
    documents.push({ id, before, after: staged ? withSystemFields(staged, origin, transactionId, timestamp) : null });
  }
  const finalById = new Map(documents.map((doc) => [doc.id, doc]));
  return {
    commit: {
      dataset: options.dataset,
      transactionId,
      timestamp,
      identity: options.identity,
      mutations: options.logged,
      documents,
    },
    results: results.map((result) => {
      const doc = finalById.get(result.id);
      // A delete shows what it deleted, even when a later mutation created the id again.
      const shown = doc && (result.operation === 'delete' ? doc.before : (doc.after ?? doc.before));
      return { ...result, document: doc ? shown : overlay.get(result.id) };
    }),
  };
}

function readKind(mutation: unknown): [keyof typeof mutationKinds, unknown] {
  if (typeof mutation !== 'object' || mutation === null || Array.isArray(mutation)) {
    throw mutationErrors.invalid('Each mutation must be an object such as {"create": {...}}');
  }
  const keys = Object.keys(mutation);
  if (keys.length !== 1) {
    throw mutationErrors.invalid(
      `A mutation must have exactly one kind (create, createOrReplace, createIfNotExists, delete, patch); got ${keys.length === 0 ? 'none' : keys.map((k) => `"${k}"`).join(', ')}`,
    );
  }
  const kind = keys[0] as string;
  if (!isMutationKind(kind)) {
    throw mutationErrors.invalid(
      `Unknown mutation type "${kind}"; expected one of create, createOrReplace, createIfNotExists, delete, patch`,
    );
  }
  return [kind, (mutation as Record<string, unknown>)[kind]];
}

/**
 * `_rev` is the transaction id; `_updatedAt` is now; `_createdAt` is set once
 * and kept from `origin`, the document this one continues (none when new).
 */
function withSystemFields(
  doc: LakeDocument,
  origin: LakeDocument | null,
  rev: string,
  timestamp: string,
): LakeDocument {
  const createdAt = typeof doc._createdAt === 'string' ? doc._createdAt : (origin?._createdAt ?? timestamp);
  return { ...doc, _createdAt: createdAt, _rev: rev, _updatedAt: timestamp };
}
