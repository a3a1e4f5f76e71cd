// The stories collection: the Sanity loader with bodies rendered once, at load
// time, and every story kept in the story store (see story-store.ts for why
// not in Astro's data store); the collection itself holds a pointer per story.
// A story is rendered again only when it or the rendering code changes.
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { type StoryResult, storiesQuery, storyResult } from '../../../schemas/queries/story.ts';
import { requireOriginalsIn } from '../images/original-registry.ts';
import { requireVariant } from '../images/variant-registry.ts';
import { announceLiveStories } from './live-stories.ts';
import { rendererVersion } from './renderer-version.ts';
import { sanityLoader } from './sanity-loader.ts';
import { renderStoryBody, type StoryEntry } from './story-entry.ts';
import { readStories, type StoryStore, storyStore } from './story-store.ts';

export type StoryLoaderOptions = {
  siteUrl?: string;
};

export function storyLoader(options: StoryLoaderOptions = {}): Loader {
  // In Astro's cache directory, beside the data store that points at it.
  let stories: StoryStore;
  let collection: LoaderContext['store'];
  return sanityLoader({
    query: storiesQuery,
    // Read at load time: a story whose publishedAt is still ahead is embargoed.
    params: () => ({ now: new Date().toISOString() }),
    schema: storyResult,
    hooks: {
      begin: (context) => {
        collection = context.store;
        stories ??= storyStore(fileURLToPath(new URL('newsroom-stories.sqlite', context.config.cacheDir)));
        // A pointer whose story is not in the store (the file was deleted or
        // replaced) would be kept as unchanged and silently drop the story:
        // forget such pointers, so those stories are fetched again.
        const kept = stories.ids();
        for (const id of collection.keys()) if (!kept.has(id)) collection.delete(id);
      },
      salt: rendererVersion,
      prepare: (story: StoryResult, digest) => {
        const rendered = renderStoryBody(story, options.siteUrl);
        for (const d of rendered.diagnostics) console.warn(`${d.name}: ${d.message}`);
        const entry: StoryEntry = { ...story, body: { ...rendered.body, store: stories.path, key: digest } };
        stories.put(entry, rendered.html, rendered.images);
        return { store: stories.path, _rev: story._rev };
      },
      finish: () => {
        stories.flush();
        const live = new Set(collection.keys());
        stories.retain(live);
        // Bodies kept from earlier builds still link to their image files.
        for (const variant of stories.bodyImages()) requireVariant(variant);
        const entries = readStories(stories.path, live);
        requireOriginalsIn(entries);
        announceLiveStories(entries);
      },
    },
  });
}
