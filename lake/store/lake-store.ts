import type { DatabaseSync } from 'node:sqlite';
import { randomId } from '../ids/random-id.ts';
import { DatasetState } from './dataset-state.ts';
import type { LakeDocument } from './document.ts';
import { type DatabaseOptions, openDatabase } from './open-database.ts';
import type { DocumentEffect, TransactionEvent, TransactionListener } from './transaction-event.ts';
import { type CommitInput, writeTransactions } from './write-transaction.ts';

export type { CommitInput };

export type DatasetInfo = { name: string; aclMode: string; createdAt: string };

/**
 * The durable store: SQLite on disk, every dataset's documents in memory.
 * Writes are synchronous (node:sqlite), so transactions are serialised by the
 * event loop and the in-memory maps change only after SQLite has committed.
 */
export class LakeStore {
  readonly db: DatabaseSync;
  readonly #datasets = new Map<string, DatasetState>();
  readonly #listeners = new Set<TransactionListener>();
  #writeQueue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, options: DatabaseOptions = {}) {
    this.db = openDatabase(dataDir, options);
    this.#load();
  }

  #load(): void {
    for (const row of this.db.prepare('SELECT name FROM datasets').all() as { name: string }[]) {
      this.#datasets.set(row.name, new DatasetState(row.name));
    }
    const byDataset = new Map<string, { id: string; after: LakeDocument }[]>();
    for (const row of this.db.prepare('SELECT dataset, id, body FROM documents').iterate() as Iterable<{
      dataset: string;
      id: string;
      body: string;
    }>) {
      let list = byDataset.get(row.dataset);
      if (!list) {
        list = [];
        byDataset.set(row.dataset, list);
      }
      list.push({ id: row.id, after: JSON.parse(row.body) as LakeDocument });
    }
    for (const [name, docs] of byDataset) this.#ensureState(name).apply(docs);
  }

  #ensureState(name: string): DatasetState {
    let state = this.#datasets.get(name);
    if (!state) {
      state = new DatasetState(name);
      this.#datasets.set(name, state);
    }
    return state;
  }

  dataset(name: string): DatasetState | undefined {
    return this.#datasets.get(name);
  }

  listDatasets(): DatasetInfo[] {
    const rows = this.db.prepare('SELECT name, acl_mode, created_at FROM datasets ORDER BY name').all() as {
      name: string;
      acl_mode: string;
      created_at: string;
    }[];
    return rows.map((row) => ({ name: row.name, aclMode: row.acl_mode, createdAt: row.created_at }));
  }

  /** `public` datasets can be read anonymously (published documents); `private` ones only with a token. */
  aclMode(name: string): string | undefined {
    const row = this.db.prepare('SELECT acl_mode FROM datasets WHERE name = ?').get(name) as
      | { acl_mode: string }
      | undefined;
    return row?.acl_mode;
  }

  /** Creates the dataset if it does not exist; returns whether it was created. */
  createDataset(name: string, aclMode = 'public'): boolean {
    const result = this.db
      .prepare('INSERT OR IGNORE INTO datasets (name, acl_mode, created_at) VALUES (?, ?, ?)')
      .run(name, aclMode, new Date().toISOString());
    this.#ensureState(name);
    return result.changes > 0;
  }

  /** Changes who may read a dataset; returns whether it exists. */
  setAclMode(name: string, aclMode: string): boolean {
    return this.db.prepare('UPDATE datasets SET acl_mode = ? WHERE name = ?').run(aclMode, name).changes > 0;
  }

  /** Whether a transaction id has been used (ids must be unique: they become `_rev`s). */
  hasTransaction(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM transactions WHERE id = ?').get(id) !== undefined;
  }

  /** Who wrote a transaction (its author: a user id, or an importer's identity such as `import`). */
  transactionAuthor(id: string): string | undefined {
    const row = this.db.prepare('SELECT author FROM transactions WHERE id = ?').get(id) as
      | { author: string }
      | undefined;
    return row?.author;
  }

  /**
   * Runs `work` (prepare a transaction, then commit it) after every earlier
   * write has finished, so concurrent requests never prepare from the same
   * state and overwrite each other.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#writeQueue.then(work);
    this.#writeQueue = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every write queued so far has finished (before closing the database). */
  async settled(): Promise<void> {
    await this.#writeQueue;
  }

  /**
   * Makes a transaction durable (documents, log and its per-document rows in
   * one SQLite transaction), then updates memory and notifies listeners.
   */
  commit(input: CommitInput): TransactionEvent {
    return this.commitAll([input])[0] as TransactionEvent;
  }

  /**
   * Makes several transactions durable in ONE SQLite transaction (all or
   * none survive a crash), then updates memory and notifies listeners of
   * each, in order. An import commits its bounded batches this way.
   */
  commitAll(inputs: readonly CommitInput[]): TransactionEvent[] {
    // A transaction prepared from an older state must not overwrite a newer one;
    // a later input sees what the earlier ones of this call leave behind.
    const pending = new Map<string, LakeDocument | null>();
    for (const input of inputs) {
      const state = this.#datasets.get(input.dataset);
      for (const doc of input.documents) {
        const key = `${input.dataset}\n${doc.id}`;
        const current = pending.has(key) ? pending.get(key) : (state?.get(doc.id) ?? null);
        if (current !== doc.before) throw new StaleTransactionError(doc.id);
        pending.set(key, doc.after);
      }
    }
    writeTransactions(this.db, inputs);
    return inputs.map((input) => {
      this.#ensureState(input.dataset).apply(input.documents);
      const event: TransactionEvent = {
        id: input.transactionId,
        dataset: input.dataset,
        timestamp: input.timestamp,
        identity: input.identity,
        mutations: input.mutations,
        documents: input.documents.map(toEffect),
      };
      if (input.draftlessPublishes?.length) event.draftlessPublishes = input.draftlessPublishes;
      this.#emit(event);
      return event;
    });
  }

  /**
   * Replaces documents in memory only (not a transaction, not stored): for
   * presentation fields derived from the running lake, such as asset `url`s.
   */
  mapDocuments(map: (doc: LakeDocument) => LakeDocument): void {
    for (const state of this.#datasets.values()) {
      const changed = [...state.documents.values()].flatMap((doc) => {
        const mapped = map(doc);
        return mapped === doc ? [] : [{ id: doc._id, after: mapped }];
      });
      if (changed.length > 0) state.apply(changed);
    }
  }

  /** Stores documents exactly as given (fixtures, conformance suites): one transaction, no system fields. */
  seed(dataset: string, documents: LakeDocument[]): TransactionEvent {
    const state = this.#ensureState(dataset);
    const byId = new Map(documents.map((doc) => [doc._id, doc]));
    return this.commit({
      dataset,
      transactionId: randomId(),
      timestamp: new Date().toISOString(),
      identity: 'seed',
      mutations: [{ seed: { documents: byId.size } }],
      documents: [...byId].map(([id, after]) => ({ id, before: state.get(id) ?? null, after })),
    });
  }

  onTransaction(listener: TransactionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(event: TransactionEvent): void {
    for (const listener of this.#listeners) {
      // A failing subscriber must not fail the (already durable) write.
      queueMicrotask(() => {
        try {
          listener(event);
        } catch (error) {
          console.error('lake: onTransaction listener failed', error);
        }
      });
    }
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

export class StaleTransactionError extends Error {
  constructor(id: string) {
    super(`Document "${id}" changed while the transaction was being prepared`);
    this.name = 'StaleTransactionError';
  }
}

function toEffect(doc: CommitInput['documents'][number]): DocumentEffect {
  const effect: DocumentEffect = { id: doc.id, before: doc.before, after: doc.after };
  if (doc.before?._rev) effect.previousRev = doc.before._rev;
  if (doc.after?._rev) effect.resultRev = doc.after._rev;
  return effect;
}
