// Strong references an import cannot keep strong. Content Lake refuses to
// write a document that refers strongly to a missing one, so @sanity/import
// writes references weak and strengthens them after: the strengthening of a
// reference to a document the dataset lacks is refused, and the reference
// stays weak. The lake stored such references strong, and every later write
// of the document was refused (409 documentReferenceDoesNotExistError),
// including the Studio's first edit, which copies the published document into
// its draft: the journalist's keystrokes vanished, one after the other, while
// the footer said "Saved" (a 409 is a save the Studio drops). So they are
// written weak, as upstream leaves them, and reported.
import { isVersionId } from '../ids/document-id.ts';
import { objectsWithKey, serializePath } from './object-paths.ts';
import type { PreparedDocument } from './prepare-documents.ts';

export type WeakenedReference = {
  documentId: string;
  line: number;
  /** Where in the document, in @sanity/import's notation (`author`, `related[0]`). */
  path: string;
  /** The id it refers to, which neither the import nor the dataset has. */
  target: string;
};

/**
 * Marks `_weak: true` every strong reference (not weak, not into another
 * dataset) of `docs` whose target is neither among `docs` nor `exists`.
 * Release versions are left alone: their references are checked when the
 * release publishes. Returns what it changed.
 */
export function weakenMissingTargets(
  docs: readonly PreparedDocument[],
  exists: (id: string) => boolean,
): WeakenedReference[] {
  const imported = new Set(docs.map(({ doc }) => doc._id));
  return docs.flatMap(({ doc, line }) => {
    if (isVersionId(doc._id)) return [];
    return objectsWithKey(doc, '_ref').flatMap(({ path, object }) => {
      const target = object._ref;
      if (typeof target !== 'string' || object._weak === true || object._dataset !== undefined) return [];
      if (imported.has(target) || exists(target)) return [];
      object._weak = true;
      return [{ documentId: doc._id, line, path: serializePath(path), target }];
    });
  });
}
