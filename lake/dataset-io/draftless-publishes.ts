// Which published documents an import batch publishes with no draft to
// delete. A publish, as the Studio reads it, writes the published document
// and deletes its draft; an import writes the published document alone, so a
// Studio open on the story showed it as a live edit while the history (after
// a reload) showed the publish (history/import-as-publish.ts). Listeners are
// told of the draft half too (listen/listener-hub.ts), by the same rule: a
// published document the batch writes, whose draft is neither there before
// the batch nor written by it. Assets and system documents are never drafted.
import { draftIdOf, isPublishedId } from '../ids/document-id.ts';
import type { LakeDocument } from '../store/document.ts';

/**
 * The published ids of `batch` (in order) that it publishes without a draft;
 * `draftExisted(id)` says whether a draft id existed before the batch.
 */
export function draftlessPublishes(batch: readonly LakeDocument[], draftExisted: (id: string) => boolean): string[] {
  const written = new Set(batch.map((doc) => doc._id));
  return batch
    .filter((doc) => isPublishedId(doc._id) && !doc._id.startsWith('_.') && !isUndrafted(doc))
    .map((doc) => doc._id)
    .filter((id) => !written.has(draftIdOf(id)) && !draftExisted(draftIdOf(id)));
}

function isUndrafted(doc: LakeDocument): boolean {
  return typeof doc._type === 'string' && (doc._type.startsWith('sanity.') || doc._type.startsWith('system.'));
}
