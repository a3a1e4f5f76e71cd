// A reference the Studio made to a document that did not exist yet (a person
// created from inside a byline field) is stored weak, with
// `_strengthenOnPublish` saying so. Publishing is when Content Lake makes it
// an ordinary, strong reference: the Studio's publish action sends only ids
// and relies on the server for this (its older client-side publish did the
// same with these rules). A reference whose schema asks for weak references
// (`_strengthenOnPublish.weak`) stays weak; the marker goes either way.

/** `value` with every reference marked `_strengthenOnPublish` strengthened; untouched parts are shared, not copied. */
export function strengthenOnPublish<T>(value: T): T {
  if (Array.isArray(value)) {
    const items = value.map(strengthenOnPublish);
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (typeof object._ref === 'string') return strengthenReference(object) as T;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(object)) {
    out[key] = strengthenOnPublish(child);
    if (out[key] !== child) changed = true;
  }
  return (changed ? out : value) as T;
}

function strengthenReference(ref: Record<string, unknown>): Record<string, unknown> {
  const marker = ref._strengthenOnPublish;
  if (!marker) return ref;
  const { _strengthenOnPublish: _marker, _weak, ...rest } = ref;
  const staysWeak = typeof marker === 'object' && (marker as { weak?: unknown }).weak === true;
  return staysWeak && _weak !== undefined ? { ...rest, _weak } : rest;
}
