// The stories a content load ended with: the set the pages are built from (the
// catalog reads it) and that consumers outside the pages must see exactly
// (the search index). Like the image variant registry it lives on globalThis:
// the loader, the integrations and the page bundle run in one process but load
// separate copies of this module.
import type { StoryEntry } from './story-entry.ts';

type Listener = (stories: readonly StoryEntry[]) => void;

const KEY = Symbol.for('newsroom.liveStories');
const LATEST = Symbol.for('newsroom.liveStories.latest');

type Slots = { [KEY]?: Set<Listener>; [LATEST]?: readonly StoryEntry[] };

function listeners(): Set<Listener> {
  const g = globalThis as Slots;
  g[KEY] ??= new Set();
  return g[KEY];
}

/** Calls `listener` with every story of each completed load of the stories collection. */
export function onLiveStories(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function announceLiveStories(stories: readonly StoryEntry[]): void {
  (globalThis as Slots)[LATEST] = stories;
  for (const listener of listeners()) listener(stories);
}

/** The stories of the last completed load of the stories collection in this process. */
export function liveStories(): readonly StoryEntry[] {
  const stories = (globalThis as Slots)[LATEST];
  if (!stories)
    throw new Error('The stories collection was never loaded in this build, so there are no stories to list.');
  return stories;
}
