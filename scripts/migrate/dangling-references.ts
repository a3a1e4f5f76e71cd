// Strong references to documents the dataset does not have. Imports before
// 2026-12-07 (21fc625) stored them strong, and Content Lake refuses every
// write of a document that holds one (409 documentReferenceDoesNotExistError):
// the Studio's first edit of such a story was refused, and a refused save is
// one the Studio drops, so the journalist's keystrokes vanished. Imports now
// write them weak, as @sanity/import leaves them; this finds the old ones.

/** A patch path to a reference, and the id it refers to. */
export type DanglingReference = { path: string; target: string };

/** Keys as the Studio writes them; another (none, or one with quotes) cannot be put in a patch path safely. */
const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `[_key=="k"]`, the patch path segment of the array item keyed `key`; undefined for a key a path cannot hold. */
export function keyedItem(key: unknown): string | undefined {
  return typeof key === 'string' && PLAIN_KEY.test(key) ? `[_key=="${key}"]` : undefined;
}

/**
 * Every strong reference in `doc` (not weak, not into another dataset) whose
 * target `exists` says is missing, with the patch path of its `_weak`. Array
 * items are named by `_key`, as the Studio writes them, else by position; a
 * reference under a name a patch path cannot hold is left out.
 */
export function danglingReferences(doc: unknown, exists: (id: string) => boolean): DanglingReference[] {
  const found: DanglingReference[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        visit(item, `${path}${keyedItem((item as { _key?: unknown } | null)?._key) ?? `[${index}]`}`);
      });
      return;
    }
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    const target = object._ref;
    if (typeof target === 'string' && object._weak !== true && object._dataset === undefined && !exists(target)) {
      found.push({ path: `${path}._weak`, target });
    }
    for (const [name, child] of Object.entries(object)) {
      if (PLAIN_NAME.test(name) && !name.startsWith('_')) visit(child, path ? `${path}.${name}` : name);
    }
  };
  visit(doc, '');
  return found;
}
