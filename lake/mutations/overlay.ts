import type { DatasetState } from '../store/dataset-state.ts';
import { compareIds, type LakeDocument } from '../store/document.ts';

/**
 * The documents as a transaction sees them while it runs: the committed state
 * with this transaction's own writes laid over it. Nothing reaches the
 * dataset until the whole transaction has succeeded.
 */
export class Overlay {
  readonly #base: DatasetState | undefined;
  readonly #staged = new Map<string, LakeDocument | null>();
  readonly #deleted = new Set<string>();

  constructor(base: DatasetState | undefined) {
    this.#base = base;
  }

  get(id: string): LakeDocument | null {
    if (this.#staged.has(id)) return this.#staged.get(id) ?? null;
    return this.#base?.get(id) ?? null;
  }

  /** The committed document, ignoring this transaction's writes. */
  committed(id: string): LakeDocument | null {
    return this.#base?.get(id) ?? null;
  }

  set(id: string, doc: LakeDocument | null): void {
    if (doc === null && this.get(id) !== null) this.#deleted.add(id);
    this.#staged.set(id, doc);
  }

  /**
   * Whether this transaction deleted the document at some point: one created
   * again after that is a new document, with a `_createdAt` of its own.
   */
  wasDeleted(id: string): boolean {
    return this.#deleted.has(id);
  }

  staged(): [string, LakeDocument | null][] {
    return [...this.#staged];
  }

  /** Every document as of now, in no particular order. */
  *current(): Iterable<LakeDocument> {
    for (const [id, doc] of this.#base?.documents ?? []) if (!this.#staged.has(id)) yield doc;
    for (const doc of this.#staged.values()) if (doc) yield doc;
  }

  /** Every document as of now, sorted by `_id` (for mutations selected by a query). */
  documents(): LakeDocument[] {
    const base = this.#base?.sorted() ?? [];
    if (this.#staged.size === 0) return base;
    const merged = new Map(base.map((doc) => [doc._id, doc]));
    for (const [id, doc] of this.#staged) {
      if (doc) merged.set(id, doc);
      else merged.delete(id);
    }
    return [...merged.values()].sort(compareIds);
  }
}
