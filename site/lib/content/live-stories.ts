// The stories a content load ended with: the set the pages are built from (the
// catalog reads it) and that consumers outside the pages must see exactly
// (the search index). Shared per process (see process-shared.ts): the
// loader, the integrations and the page bundle load separate copies of this
// module.
//
// The loader announces how to read them, not the stories themselves: they are
// read from the story store on first use, once the build has let an embedded
// lake go, so the two never take memory at the same time.
import { processShared } from '../process-shared.ts';
import type { StoryEntry } from './story-entry.ts';

/** The stories of a load; read on the first call, the same array after. */
export type LiveStories = () => readonly StoryEntry[];

type Listener = (stories: LiveStories) => void;

const listeners = () => processShared('liveStories', () => new Set<Listener>());
const latest = () => processShared('liveStories.latest', (): { stories?: LiveStories } => ({}));

/** Calls `listener` with every completed load of the stories collection. */
export function onLiveStories(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function announceLiveStories(read: () => readonly StoryEntry[]): void {
  let stories: readonly StoryEntry[] | undefined;
  const once: LiveStories = () => {
    stories ??= read();
    return stories;
  };
  latest().stories = once;
  for (const listener of listeners()) listener(once);
}

/** The stories of the last completed load of the stories collection in this process. */
export function liveStories(): readonly StoryEntry[] {
  const { stories } = latest();
  if (!stories)
    throw new Error('The stories collection was never loaded in this build, so there are no stories to list.');
  return stories();
}
