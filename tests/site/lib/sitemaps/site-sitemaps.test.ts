// The sitemap protocol's limit of 50,000 URLs a file: every sitemap past it is
// split into parts the index lists, the pages' as well as a month of stories'.
import { describe, expect, it } from 'vitest';
import type { SectionResult } from '../../../../schemas/queries/section.ts';
import type { SiteSettingsResult } from '../../../../schemas/queries/site-settings.ts';
import { buildCatalog } from '../../../../site/lib/catalog/build-catalog.ts';
import type { StoryEntry } from '../../../../site/lib/content/story-entry.ts';
import { MAX_URLS, siteSitemaps } from '../../../../site/lib/sitemaps/site-sitemaps.ts';

const site = new URL('https://news.example');
const section = { _id: 'section-world', name: 'World', slug: { current: 'world' } } as SectionResult;

/** A live story in World, `minutes` after 1 March 2026 (UTC), with the fields the sitemaps read. */
const story = (n: number, minutes: number, topics: string[] = []) =>
  ({
    _id: `story-${n}`,
    headline: `Story ${n}`,
    slug: { current: `story-${n}` },
    section,
    publishedAt: new Date(Date.UTC(2026, 2, 1) + minutes * 60_000).toISOString(),
    topics,
  }) as unknown as StoryEntry;

const plan = (stories: StoryEntry[]) =>
  siteSitemaps(
    buildCatalog({
      settings: { siteName: 'Bloomberg' } as SiteSettingsResult,
      stories,
      sections: [section],
      people: [],
    }),
    site,
  );
const sizes = (sitemaps: ReturnType<typeof plan>) =>
  Object.fromEntries([...sitemaps].map(([n, urls]) => [n, urls.length]));

describe('sitemaps past 50,000 URLs', () => {
  it('splits a month of stories into parts', () => {
    const stories = Array.from({ length: MAX_URLS + 10 }, (_, i) => story(i, i % 1000));
    expect(sizes(plan(stories))).toMatchObject({ 'stories-2026-03': MAX_URLS, 'stories-2026-03-part2': 10 });
  });

  it('splits the pages of an archive with more topics than the limit', () => {
    const topics = Array.from({ length: MAX_URLS }, (_, i) => `Topic ${i}`);
    const sitemaps = plan([story(1, 0, topics)]);
    expect(sizes(sitemaps)).toMatchObject({ pages: MAX_URLS, 'pages-part2': expect.any(Number) });
    const urls = [...sitemaps].filter(([name]) => name.startsWith('pages')).flatMap(([, u]) => u.map((x) => x.loc));
    expect(urls).toContain(`${site.origin}/topic/topic-49999`);
    expect(new Set(urls).size).toBe(urls.length);
  });
});
