// The stories a content load ended with: the set the pages are built from (the
// catalog reads it) and that consumers outside the pages must see exactly
// (the search index). Shared per process (see process-shared.ts): the
// loader, the integrations and the page bundle load separate copies of this
// module.
import { processShared } from '../process-shared.ts';
import type { StoryEntry } from './story-entry.ts';

type Listener = (stories: readonly StoryEntry[]) => void;

const listeners = () => processShared('liveStories', () => new Set<Listener>());
const latest = () => processShared('liveStories.latest', (): { stories?: readonly StoryEntry[] } => ({}));

/** Calls `listener` with every story of each completed load of the stories collection. */
export function onLiveStories(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function announceLiveStories(stories: readonly StoryEntry[]): void {
  latest().stories = stories;
  for (const listener of listeners()) listener(stories);
}

/** The stories of the last completed load of the stories collection in this process. */
export function liveStories(): readonly StoryEntry[] {
  const { stories } = latest();
  if (!stories)
    throw new Error('The stories collection was never loaded in this build, so there are no stories to list.');
  return stories;
}
