// Hands a build the store's history of story paths (NEWSROOM_STORY_HISTORY,
// read by site/lib/build/former-story-slugs.ts), so a body linking to a
// story's former address links to its page now instead of losing the link.
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existingReleaseStore } from './default-store.ts';
import type { ReleaseStore } from './release-store.ts';

/** Writes the history (old path → story id) as the build reads it. */
export function writeStoryHistory(store: ReleaseStore, file: string): void {
  writeFileSync(file, JSON.stringify(Object.fromEntries(store.storyPathHistory())));
}

/**
 * For `npm run build`: the project's release store's history, unless the
 * environment names one already or no deploy has made a store. Returns what
 * removes the file again.
 */
export function offerStoryHistory(env: NodeJS.ProcessEnv = process.env): () => void {
  if (env.NEWSROOM_STORY_HISTORY) return () => {};
  const store = existingReleaseStore();
  if (!store) return () => {};
  const file = join(tmpdir(), `newsroom-story-history-${process.pid}.json`);
  try {
    writeStoryHistory(store, file);
  } finally {
    store.close();
  }
  env.NEWSROOM_STORY_HISTORY = file;
  return () => {
    delete env.NEWSROOM_STORY_HISTORY;
    rmSync(file, { force: true });
  };
}
