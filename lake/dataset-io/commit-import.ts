// An import's writes, as the transaction log, history, listeners and webhooks
// see them. Written as one transaction, 10k generated stories (30,245
// documents) became one history line of 83 MB: the Studio's timeline, the
// history endpoint and webhook catch-up each read all 30k documents to show
// any one of them. @sanity/import commits batches of at most 256 KB of
// documents, one transaction each (batchDocuments.ts, importBatches.ts), so
// hosted Sanity's history after an import is a run of bounded transactions.
// The lake commits the same batches, but in ONE SQLite transaction: the import
// stays all or nothing, which upstream's (partial on failure) is not.
import { randomId } from '../ids/random-id.ts';
import type { LakeDocument } from '../store/document.ts';
import type { CommitInput, LakeStore } from '../store/lake-store.ts';
import { draftlessPublishes } from './draftless-publishes.ts';
import type { PreparedDocument } from './prepare-documents.ts';

/**
 * Characters of source NDJSON per transaction, as @sanity/import's MAX_PAYLOAD_SIZE
 * (measured on the lines as read: the `_key`s and references added on import can
 * take a batch a little past it).
 */
export const IMPORT_BATCH_CHARS = 256 * 1024;

export type ImportCommit = {
  dataset: string;
  mode: string;
  /** Recorded as each transaction's author. */
  identity: string;
  docs: PreparedDocument[];
  /** Asset documents the import stored; those the dataset already has are left alone. */
  assets: LakeDocument[];
};

/**
 * Commits new assets first, then the documents in file order, in batches of
 * at most IMPORT_BATCH_CHARS (a larger document alone). Each batch is its own
 * transaction (its id is the `_rev` of its documents), all of one timestamp.
 * Returns the transaction ids and how many asset documents were new.
 */
export function commitImport(store: LakeStore, input: ImportCommit): { transactionIds: string[]; numAssets: number } {
  store.createDataset(input.dataset);
  const state = store.dataset(input.dataset);
  const newAssets = input.assets.filter((asset) => !state?.get(asset._id));
  const entries = [
    ...newAssets.map((doc) => ({ doc, size: JSON.stringify(doc).length, asset: true })),
    ...input.docs.map(({ doc, size }) => ({ doc: doc as LakeDocument, size, asset: false })),
  ];
  const timestamp = new Date().toISOString();
  const batches = bySize(entries, (entry) => entry.size, IMPORT_BATCH_CHARS);
  // What an earlier batch of this import wrote existed before the later ones.
  const writtenBefore = new Set<string>();
  const draftExisted = (id: string) => writtenBefore.has(id) || state?.get(id) !== undefined;
  const commits = batches.map((batch, index): CommitInput => {
    const transactionId = randomId();
    const assets = batch.filter((entry) => entry.asset).length;
    const summary = {
      mode: input.mode,
      documents: batch.length - assets,
      assets,
      batch: index + 1,
      of: batches.length,
    };
    const docs = batch.map(({ doc }) => doc);
    const publishes = draftlessPublishes(docs, draftExisted);
    for (const doc of docs) writtenBefore.add(doc._id);
    return {
      dataset: input.dataset,
      transactionId,
      timestamp,
      identity: input.identity,
      // The documents are in the log's rows already: the mutation only says what the transaction was.
      mutations: [{ import: summary }],
      draftlessPublishes: publishes,
      documents: batch.map(({ doc }) => {
        const before = state?.get(doc._id) ?? null;
        const createdAt = typeof doc._createdAt === 'string' ? doc._createdAt : (before?._createdAt ?? timestamp);
        return {
          id: doc._id,
          before,
          after: { ...doc, _createdAt: createdAt, _rev: transactionId, _updatedAt: timestamp },
        };
      }),
    };
  });
  if (commits.length > 0) store.commitAll(commits);
  return { transactionIds: commits.map((commit) => commit.transactionId), numAssets: newAssets.length };
}

/** Consecutive runs of `items` of at most `max` total size; an item larger than `max` makes a run of its own. */
export function bySize<T>(items: readonly T[], sizeOf: (item: T) => number, max: number): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let total = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (run.length > 0 && total + size > max) {
      runs.push(run);
      run = [];
      total = 0;
    }
    run.push(item);
    total += size;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
