// The Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
// stories published in the last two days, at most 1,000, newest first, each
// with the publication's name and the story's language, its publication time
// and title.
import type { StoryEntry } from '../content/story-entry.ts';
import { textElement, XML_DECLARATION, xmlEscape } from '../feeds/xml.ts';
import { newsLanguage } from '../story-language.ts';

export const NEWS_WINDOW_MS = 48 * 3_600_000;
export const NEWS_MAX_URLS = 1000;

/** The stories that belong in the news sitemap at `now`, from a newest-first list. */
export function newsStories(newestFirst: readonly StoryEntry[], now: Date): StoryEntry[] {
  const since = now.getTime() - NEWS_WINDOW_MS;
  const recent: StoryEntry[] = [];
  for (const story of newestFirst) {
    if (recent.length === NEWS_MAX_URLS) break;
    const time = Date.parse(story.publishedAt);
    if (time < since) break;
    if (time <= now.getTime() && !story.seo?.noIndex) recent.push(story);
  }
  return recent;
}

export type NewsSitemapOptions = {
  publication: string;
  stories: readonly StoryEntry[];
  url: (story: StoryEntry) => string;
};

export function renderNewsSitemap(options: NewsSitemapOptions): string {
  // One publication, whose stories need not all be in one language: Google
  // News reads each story's language from its own entry.
  const publication = (story: StoryEntry) =>
    '<news:publication>' +
    textElement('news:name', options.publication) +
    textElement('news:language', newsLanguage(story)) +
    '</news:publication>';
  const urls = options.stories.map(
    (story) =>
      `<url><loc>${xmlEscape(options.url(story))}</loc><news:news>${publication(story)}` +
      textElement('news:publication_date', story.publishedAt) +
      textElement('news:title', story.headline) +
      '</news:news></url>',
  );
  return (
    `${XML_DECLARATION}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ` +
    `xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`
  );
}
