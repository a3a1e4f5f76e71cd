// The stories collection: the Sanity loader with bodies rendered once, at load
// time, and every story kept in the story store (see story-store.ts for why
// not in Astro's data store); the collection itself holds a pointer per story.
// A story is rendered again only when it or the rendering code changes.
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { type StoryResult, storiesQuery, storyResult } from '../../../schemas/queries/story.ts';
import { anticipateCardVariant, anticipateHeroVariants } from '../images/anticipate-variants.ts';
import { requireOriginal } from '../images/original-registry.ts';
import { requireVariant } from '../images/variant-registry.ts';
import { contentHostReleasable } from './content-host-release.ts';
import { slugClashes, slugClashProblem } from './duplicate-slugs.ts';
import { announceLiveStories } from './live-stories.ts';
import { rendererVersion } from './renderer-version.ts';
import { sanityLoader } from './sanity-loader.ts';
import { renderStoryBody, type StoryEntry } from './story-entry.ts';
import { readStories, type StoryStore, storyStore } from './story-store.ts';
import { undatedStories } from './undated-stories.ts';

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
    unreadable: undatedStories,
    hooks: {
      begin: (context) => {
        collection = context.store;
        stories ??= storyStore(fileURLToPath(new URL('newsroom-stories.sqlite', context.config.cacheDir)));
        // A pointer that does not match its story in the store would be kept as
        // unchanged and serve the wrong story, or none, with no error: the store
        // was deleted or moved (the pointer names another path), or a build was
        // interrupted after Astro saved a new pointer but before the store was
        // written. Such pointers are forgotten, so those stories are fetched again.
        const kept = stories.digests();
        for (const id of collection.keys()) {
          const pointer = collection.get(id);
          const at = (pointer?.data as { store?: unknown } | undefined)?.store;
          if (at !== stories.path || kept.get(id) !== String(pointer?.digest)) collection.delete(id);
        }
      },
      salt: rendererVersion,
      prepare: (story: StoryResult, digest) => {
        anticipateHeroVariants(story.heroPhoto);
        const rendered = renderStoryBody(story, options.siteUrl);
        if (!story.heroPhoto) anticipateCardVariant(rendered.body.firstPhoto);
        for (const d of rendered.diagnostics) console.warn(`${d.name}: ${d.message}`);
        const entry: StoryEntry = { ...story, body: { ...rendered.body, store: stories.path, key: digest } };
        stories.put(entry, { html: rendered.html, searchText: rendered.searchText }, rendered.images);
        return { store: stories.path, _rev: story._rev };
      },
      finish: (reject) => {
        stories.flush();
        const live = new Set(collection.keys());
        // Before anything reads the live set: no page, feed or search record may show a story
        // whose address another story keeps (duplicate-slugs.ts).
        for (const clash of slugClashes(stories.sharedSlugs(), live)) {
          reject({ _id: clash.story._id, _type: 'story' }, 'slug', slugClashProblem(clash));
          live.delete(clash.story._id);
        }
        stories.retain(live);
        // Bodies kept from earlier builds still link to their image files.
        const bodyImages = stories.bodyImages();
        for (const variant of bodyImages) requireVariant(variant);
        // Originals to fetch before a lake this build owns is let go (see
        // content-host-release.ts), found without reading the stories into memory.
        if (contentHostReleasable()) {
          for (const variant of bodyImages) requireOriginal(variant.assetId);
          for (const assetId of stories.imageAssets()) requireOriginal(assetId);
        }
        announceLiveStories(() => readStories(stories.path, live));
      },
    },
  });
}
