// Content Lake keeps strong references whole: a transaction may not leave a
// document gone while another document still refers to it strongly (a
// `_ref` without `_weak: true`, drafts included). Such a transaction fails
// with `documentHasExistingReferencesError` and changes nothing; the Studio
// warns about this before deleting or unpublishing ("You may not be able to
// delete…") and shows the refusal. Weak and cross-dataset references never
// block.
import { strongRefs } from '../groq/outgoing-refs.ts';
import { MutationItemError } from './mutation-item-error.ts';
import type { Overlay } from './overlay.ts';

/** A document this transaction removes that a document existing after it still refers to strongly, if any. */
export function blockedRemoval(overlay: Overlay): { id: string; referencingIDs: string[] } | undefined {
  const removed = new Set(overlay.staged().flatMap(([id, doc]) => (doc === null ? [id] : [])));
  if (removed.size === 0) return undefined;
  const referencing = new Map<string, string[]>();
  for (const doc of overlay.current()) {
    for (const target of strongRefs(doc)) {
      if (removed.has(target)) referencing.set(target, [...(referencing.get(target) ?? []), doc._id]);
    }
  }
  const [first] = referencing;
  return first && { id: first[0], referencingIDs: first[1].sort() };
}

/** Content Lake's refusal, as a mutation item (the actions endpoint reports the same type). */
export function existingReferences(blocked: { id: string; referencingIDs: string[] }): MutationItemError {
  return new MutationItemError(
    409,
    'documentHasExistingReferencesError',
    `Document "${blocked.id}" cannot be deleted as there are references to it from "${blocked.referencingIDs[0]}"`,
    { id: blocked.id, referencingIDs: blocked.referencingIDs },
  );
}
