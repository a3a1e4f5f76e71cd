// The Astro integration that gives the built site its search index: it starts
// indexing as soon as the stories are loaded, and puts /pagefind/ into the
// site once the pages are written. When the build owns an embedded lake it
// waits for the build to start instead, once the lake is let go (the image
// integration's build:start runs first), so the lake, the stories and the
// indexer never take memory all at once; a publish, whose lake keeps running,
// gains the head start.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentHostReleasable } from '../content/content-host-release.ts';
import { type LiveStories, onLiveStories } from '../content/live-stories.ts';
import { type PendingIndex, publishSearchIndex, startSearchIndex } from './search-index.ts';

/** Where the index and Pagefind's own script are published; the search page loads it from here. */
export const SEARCH_DIR = 'pagefind';

export function searchIndex(): AstroIntegration {
  let pending: PendingIndex | undefined;
  let loaded: LiveStories | undefined;
  let unsubscribe: (() => void) | undefined;
  let workDir = '';
  const start = () => {
    if (!loaded) return;
    pending = startSearchIndex(loaded(), workDir);
    // Failures surface when the build awaits the index, not as an unhandled rejection now.
    pending.catch(() => undefined);
  };
  return {
    name: 'newsroom-search-index',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        unsubscribe?.();
        unsubscribe = onLiveStories((stories) => {
          loaded = stories;
          if (!contentHostReleasable()) start();
        });
      },
      'astro:config:done': ({ config }) => {
        // In the build's own cache directory: builds that run side by side have different ones.
        workDir = fileURLToPath(new URL('newsroom-search/', config.cacheDir));
      },
      'astro:build:start': () => {
        if (!pending) start();
      },
      'astro:build:done': async ({ dir, logger }) => {
        unsubscribe?.();
        if (!pending) throw new Error('The stories were never loaded, so there is nothing to index for search.');
        const started = performance.now();
        const { records, shards, indexed } = await publishSearchIndex(pending, join(fileURLToPath(dir), SEARCH_DIR));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `search index of ${records} stories in ${shards.size} shards (${indexed} indexed, ${shards.size - indexed} unchanged); waited ${seconds}s for it`,
        );
      },
    },
  };
}
