// Duplicating a story starts a new story (a follow-up, a version for another
// desk) from its text, people and photos. What belongs to the original's life
// on the site stays behind: its address, when it went live, was updated or
// is to be taken down, and its corrections. Copied, those printed a new story
// under the original's date, deep in the archive and feeds, with corrections
// of mistakes it never made, and nothing on the Story tab showed it.
import type { DocumentActionComponent, DuplicateDocumentActionComponent, SanityDocumentLike } from 'sanity';

/** Fields of a story that describe the published original, not its text. */
export const NOT_DUPLICATED = ['slug', 'publishedAt', 'updatedAt', 'unpublishAt', 'corrections'] as const;

export function asNewStory(original: SanityDocumentLike): SanityDocumentLike {
  const copy: Record<string, unknown> = { ...original };
  for (const field of NOT_DUPLICATED) delete copy[field];
  return copy as SanityDocumentLike;
}

// One wrapper per action: the Studio runs actions as hooks keyed by the
// component, so a new function on every resolve would remount it.
const wrapped = new WeakMap<DocumentActionComponent, DocumentActionComponent>();

/** The Studio's Duplicate action, copying a story as a new one (Sanity's `mapDocument` option). */
export function duplicateAsNewStory(duplicate: DocumentActionComponent): DocumentActionComponent {
  let story = wrapped.get(duplicate);
  if (!story) {
    const action = duplicate as DuplicateDocumentActionComponent;
    story = (props) => action({ ...props, mapDocument: asNewStory });
    story.action = duplicate.action;
    story.displayName = 'StoryDuplicateAction';
    wrapped.set(duplicate, story);
  }
  return story;
}
