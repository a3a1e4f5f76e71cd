// The news sitemap's stories as of this build: computed once, so the index's
// lastmod and the sitemap itself agree even if the build straddles a minute.
import type { Catalog } from '../catalog/build-catalog.ts';
import type { StoryEntry } from '../content/story-entry.ts';
import { newsStories } from './news-sitemap.ts';

export const NEWS_SITEMAP = 'news';

const chosen = new WeakMap<Catalog, StoryEntry[]>();

/**
 * Whether the site has a news sitemap now. Only with stories from the last two
 * days: the sitemap schema requires at least one <url>, so an empty news
 * sitemap is invalid, and there is nothing new to tell Google News anyway.
 */
export function hasNewsSitemap(catalog: Catalog): boolean {
  return newsStoriesNow(catalog).length > 0;
}

export function newsStoriesNow(catalog: Catalog): StoryEntry[] {
  let stories = chosen.get(catalog);
  if (!stories) {
    stories = newsStories(catalog.stories, new Date());
    chosen.set(catalog, stories);
  }
  return stories;
}
