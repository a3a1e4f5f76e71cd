// The stories a content load ended with, for consumers outside the pages that
// must see exactly the set the pages see (the search index). Like the image
// variant registry it lives on globalThis: the loader and the integrations
// run in one process but load separate copies of this module.
import type { StoryEntry } from './story-entry.ts';

type Listener = (stories: readonly StoryEntry[]) => void;

const KEY = Symbol.for('newsroom.liveStories');

function listeners(): Set<Listener> {
  const g = globalThis as { [KEY]?: Set<Listener> };
  g[KEY] ??= new Set();
  return g[KEY];
}

/** Calls `listener` with every story of each completed load of the stories collection. */
export function onLiveStories(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function announceLiveStories(stories: readonly StoryEntry[]): void {
  for (const listener of listeners()) listener(stories);
}
