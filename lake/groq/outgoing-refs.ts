// The ids a document references, as groq-js's references() sees them: every
// `_ref` at any depth, not looking inside a reference object itself. Stored
// documents are replaced, never mutated, so the answer is cached per object
// and survives from one view of the dataset to the next.
const cache = new WeakMap<object, ReadonlySet<string>>();

export function outgoingRefs(doc: object): ReadonlySet<string> {
  let refs = cache.get(doc);
  if (!refs) {
    const found = new Set<string>();
    collect(doc, found);
    refs = found;
    cache.set(doc, refs);
  }
  return refs;
}

function collect(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, found);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const ref = (value as { _ref?: unknown })._ref;
  if (ref) {
    if (typeof ref === 'string') found.add(ref);
    return;
  }
  for (const item of Object.values(value)) collect(item, found);
}
