// The ids a document references, as groq-js's references() sees them: every
// `_ref` at any depth, not looking inside a reference object itself. Stored
// documents are replaced, never mutated, so the answer is cached per object
// and survives from one view of the dataset to the next.
type ReferenceObject = { _ref: string; _weak?: unknown; _dataset?: unknown };

function cachedRefs(counts: (ref: ReferenceObject) => boolean): (doc: object) => ReadonlySet<string> {
  const cache = new WeakMap<object, ReadonlySet<string>>();
  return (doc) => {
    let refs = cache.get(doc);
    if (!refs) {
      const found = new Set<string>();
      collect(doc, counts, found);
      refs = found;
      cache.set(doc, refs);
    }
    return refs;
  };
}

export const outgoingRefs = cachedRefs(() => true);

/**
 * The ids a document references strongly, the ones Content Lake will not let
 * disappear while it refers to them: not `_weak`, not into another dataset.
 */
export const strongRefs = cachedRefs((ref) => ref._weak !== true && ref._dataset === undefined);

function collect(value: unknown, counts: (ref: ReferenceObject) => boolean, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, counts, found);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const ref = (value as { _ref?: unknown })._ref;
  if (ref) {
    if (typeof ref === 'string' && counts(value as ReferenceObject)) found.add(ref);
    return;
  }
  for (const item of Object.values(value)) collect(item, counts, found);
}
