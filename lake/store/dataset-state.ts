import { compareIds, type LakeDocument } from './document.ts';

/**
 * One dataset's documents, held in memory (GROQ is evaluated by groq-js over
 * in-memory arrays; SQLite is the durable copy). Documents are never mutated
 * in place: a write replaces the object, so arrays handed to a running query
 * stay a consistent snapshot.
 */
export class DatasetState {
  readonly name: string;
  readonly documents = new Map<string, LakeDocument>();
  /** Bumped on every change; views built from the documents are cached per version. */
  version = 0;
  #sorted: { version: number; docs: LakeDocument[] } | undefined;
  /** Derived data (views per perspective) that is valid for one version. */
  readonly #derived = new Map<string, { version: number; value: unknown }>();

  constructor(name: string) {
    this.name = name;
  }

  get(id: string): LakeDocument | undefined {
    return this.documents.get(id);
  }

  /** Stores or removes documents; call only after they are durable in SQLite. */
  apply(changes: Iterable<{ id: string; after: LakeDocument | null }>): void {
    for (const { id, after } of changes) {
      if (after) this.documents.set(id, after);
      else this.documents.delete(id);
    }
    this.version++;
  }

  /** Every document, sorted by `_id`. */
  sorted(): LakeDocument[] {
    if (this.#sorted?.version !== this.version) {
      this.#sorted = { version: this.version, docs: [...this.documents.values()].sort(compareIds) };
    }
    return this.#sorted.docs;
  }

  /** Memoises `build()` under `key` until the dataset next changes. */
  derive<T>(key: string, build: () => T): T {
    const cached = this.#derived.get(key);
    if (cached?.version === this.version) return cached.value as T;
    const value = build();
    this.#derived.set(key, { version: this.version, value });
    return value;
  }
}
