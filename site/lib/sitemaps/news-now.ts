// The news sitemap's stories as of this build: computed once, so the index's
// lastmod and the sitemap itself agree even if the build straddles a minute.
import type { Catalog } from '../catalog/build-catalog.ts';
import type { StoryEntry } from '../content/story-entry.ts';
import { newsStories } from './news-sitemap.ts';

export const NEWS_SITEMAP = 'news';

const chosen = new WeakMap<Catalog, StoryEntry[]>();

export function newsStoriesNow(catalog: Catalog): StoryEntry[] {
  let stories = chosen.get(catalog);
  if (!stories) {
    stories = newsStories(catalog.stories, new Date());
    chosen.set(catalog, stories);
  }
  return stories;
}
