// The stories collection: the Sanity loader with bodies rendered once, at load
// time, into the body store, and reused for as long as the story and the
// rendering code are unchanged.
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { type StoryResult, storiesQuery, storyResult } from '../../../schemas/queries/story.ts';
import { requireVariant } from '../images/variant-registry.ts';
import { type BodyStore, bodyStore } from './body-store.ts';
import { announceLiveStories } from './live-stories.ts';
import { rendererVersion } from './renderer-version.ts';
import { sanityLoader } from './sanity-loader.ts';
import { type RenderedBody, renderStoryBody, type StoryEntry } from './story-entry.ts';

export type StoryLoaderOptions = {
  siteUrl?: string;
};

export function storyLoader(options: StoryLoaderOptions = {}): Loader {
  // Kept in Astro's cache directory, beside the data store that points at it.
  let bodies: BodyStore;
  let store: LoaderContext['store'];
  const live = new Set<string>();
  return sanityLoader({
    query: storiesQuery,
    // Read at load time: a story whose publishedAt is still ahead is embargoed.
    params: () => ({ now: new Date().toISOString() }),
    schema: storyResult,
    hooks: {
      begin: (context) => {
        store = context.store;
        bodies ??= bodyStore(fileURLToPath(new URL('newsroom-bodies.sqlite', context.config.cacheDir)));
      },
      salt: rendererVersion,
      prepare: (story: StoryResult, digest) => {
        const rendered = renderStoryBody(story, options.siteUrl);
        for (const d of rendered.diagnostics) console.warn(`${d.name}: ${d.message}`);
        live.add(digest);
        bodies.put(digest, rendered.html);
        return { ...story, body: { ...rendered.body, store: bodies.path, key: digest } };
      },
      reuse: (stored, digest) => {
        live.add(digest);
        for (const variant of (stored.body as RenderedBody).images) requireVariant(variant);
      },
      finish: () => {
        bodies.flush();
        bodies.prune(live);
        live.clear();
        announceLiveStories([...store.values()].map((entry) => entry.data as StoryEntry));
      },
    },
  });
}
