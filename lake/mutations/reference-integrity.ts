// Content Lake keeps strong references whole (a `_ref` without `_weak: true`,
// not into another dataset via `_dataset`): a transaction fails, changing
// nothing, if it leaves
//  - a document gone while another document still refers to it strongly
//    (`documentHasExistingReferencesError`; the Studio warns about this
//    before deleting or unpublishing), or
//  - a document it wrote referring strongly to an id that does not exist
//    (`documentReferenceDoesNotExistError`).
// Both look at the dataset as the transaction leaves it, so documents may
// refer to each other in any order within one transaction. Drafts are
// documents like any other, on both sides: a draft's strong references must
// exist, and a target that exists only as `drafts.<id>` does not make `<id>`
// exist (which is why the Studio stores such references weak, with
// `_strengthenOnPublish`). Release versions (`versions.*`) may refer strongly
// to what the release has yet to publish: the Studio writes those references
// strong, and the release's publish is where they are checked.
import { strongRefs } from '../groq/outgoing-refs.ts';
import { isVersionId } from '../ids/document-id.ts';
import type { LakeDocument } from '../store/document.ts';
import { MutationItemError } from './mutation-item-error.ts';
import type { Overlay } from './overlay.ts';

/**
 * What each mutation (or action) of a transaction left of the documents it
 * touched, so that a refusal names the one at fault.
 */
export class WriteLog {
  readonly #writes: { index: number; id: string; doc: LakeDocument | null }[] = [];

  /** Records the documents `results` name as `overlay` holds them after mutation (or action) `index`. */
  record(index: number, results: readonly { id: string }[], overlay: Overlay): void {
    for (const { id } of results) this.#writes.push({ index, id, doc: overlay.get(id) });
  }

  /** The last mutation that removed `id`. */
  removedBy(id: string): number {
    return this.#writes.findLast((write) => write.id === id && write.doc === null)?.index ?? 0;
  }

  /** The mutation from which `id` has referred strongly to `target` without a break. */
  referringSince(id: string, target: string): number {
    let since: number | undefined;
    for (const write of this.#writes) {
      if (write.id !== id) continue;
      const refers = write.doc !== null && strongRefs(write.doc).has(target);
      if (!refers) since = undefined;
      else since ??= write.index;
    }
    return since ?? 0;
  }
}

/** The first strong reference the transaction breaks, as Content Lake refuses it, at the index at fault. */
export function brokenReference(
  overlay: Overlay,
  writes: WriteLog,
): { error: MutationItemError; index: number } | undefined {
  const blocked = blockedRemoval(overlay);
  if (blocked) return { error: existingReferences(blocked), index: writes.removedBy(blocked.id) };
  const dangling = danglingReference(overlay);
  if (dangling)
    return { error: missingTarget(dangling), index: writes.referringSince(dangling.id, dangling.referenceID) };
  return undefined;
}

/** A document this transaction removes that a document existing after it still refers to strongly, if any. */
function blockedRemoval(overlay: Overlay): { id: string; referencingIDs: string[] } | undefined {
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

/** A document this transaction writes that refers strongly to an id missing after it, if any. */
function danglingReference(overlay: Overlay): { id: string; referenceID: string } | undefined {
  for (const [id, doc] of overlay.staged()) {
    if (doc === null || isVersionId(id)) continue;
    for (const target of strongRefs(doc)) if (overlay.get(target) === null) return { id, referenceID: target };
  }
  return undefined;
}

function existingReferences(blocked: { id: string; referencingIDs: string[] }): MutationItemError {
  return new MutationItemError(
    409,
    'documentHasExistingReferencesError',
    `Document "${blocked.id}" cannot be deleted as there are references to it from "${blocked.referencingIDs[0]}"`,
    { id: blocked.id, referencingIDs: blocked.referencingIDs },
  );
}

function missingTarget(dangling: { id: string; referenceID: string }): MutationItemError {
  return new MutationItemError(
    409,
    'documentReferenceDoesNotExistError',
    `Document "${dangling.id}" references non-existent document "${dangling.referenceID}"`,
    { id: dangling.id, referenceID: dangling.referenceID },
  );
}
