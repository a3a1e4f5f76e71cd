// Which sitemaps the site has and what each lists. Stories go into one sitemap
// per month of publication, so a month's file stops changing once the month is
// over (crawlers re-read only recent ones); pages that list stories go into
// "pages". Every URL's lastmod is the latest change of the content it shows.
import type { Catalog } from '../catalog/build-catalog.ts';
import { latestModified, storyModified } from '../catalog/modified.ts';
import type { StoryEntry } from '../content/story-entry.ts';
import { calendarDay } from '../dates.ts';
import { absoluteUrl, routes } from '../routes.ts';
import type { SitemapUrl } from './sitemap-xml.ts';

/** The protocol's limit per sitemap file. */
export const MAX_URLS = 50_000;

export type SiteSitemaps = ReadonlyMap<string, readonly SitemapUrl[]>;

const plans = new WeakMap<Catalog, Map<string, SiteSitemaps>>();

/** Sitemaps by name (`pages`, `stories-2026-11`…), computed once per catalog and site URL. */
export function siteSitemaps(catalog: Catalog, site: URL | string | undefined): SiteSitemaps {
  const bySite = plans.get(catalog) ?? new Map<string, SiteSitemaps>();
  plans.set(catalog, bySite);
  // import.meta.env.SITE and Astro.site spell the same origin differently.
  const key = site ? new URL(String(site)).href : '';
  let plan = bySite.get(key);
  if (!plan) {
    const sitemaps: [string, SitemapUrl[]][] = [
      ['pages', pageUrls(catalog, site)],
      ...storySitemaps(catalog.stories, site),
    ];
    plan = new Map(sitemaps.flatMap(([name, urls]) => withinLimit(name, urls)));
    bySite.set(key, plan);
  }
  return plan;
}

function pageUrls(catalog: Catalog, site: URL | string | undefined): SitemapUrl[] {
  const url = (path: string, stories: readonly StoryEntry[]) => ({
    loc: absoluteUrl(path, site),
    lastmod: latestModified(stories),
  });
  const months = new Map<string, { year: number; month: number; stories: StoryEntry[] }>();
  for (const day of catalog.days) {
    const key = `${day.year}-${day.month}`;
    const month = months.get(key) ?? { year: day.year, month: day.month, stories: [] };
    month.stories.push(...day.stories);
    months.set(key, month);
  }
  return [
    url(routes.home(), catalog.stories),
    ...[...catalog.sections, ...catalog.topics, ...catalog.authors].map((l) =>
      url(routes.listing(l.kind, l.slug), l.stories),
    ),
    url(routes.topics(), catalog.stories),
    url(routes.archive(), catalog.stories),
    ...[...months.values()].map((m) => url(routes.archiveMonth(m.year, m.month), m.stories)),
    ...catalog.days.map((d) => url(routes.archiveDay(d.year, d.month, d.day), d.stories)),
  ];
}

/**
 * A sitemap in files of at most MAX_URLS each (`name`, `name-part2`…): a
 * month of stories can pass it, and so can the pages of an archive with many
 * topics, and crawlers ignore a sitemap over the limit.
 */
function withinLimit(name: string, urls: SitemapUrl[]): [string, SitemapUrl[]][] {
  return Array.from({ length: Math.max(1, Math.ceil(urls.length / MAX_URLS)) }, (_, i): [string, SitemapUrl[]] => [
    i === 0 ? name : `${name}-part${i + 1}`,
    urls.slice(i * MAX_URLS, (i + 1) * MAX_URLS),
  ]);
}

function storySitemaps(stories: readonly StoryEntry[], site: URL | string | undefined): [string, SitemapUrl[]][] {
  const byMonth = new Map<string, SitemapUrl[]>();
  for (const story of stories) {
    if (story.seo?.noIndex) continue;
    const { year, month } = calendarDay(story.publishedAt);
    const key = `stories-${year}-${String(month).padStart(2, '0')}`;
    const urls = byMonth.get(key) ?? [];
    urls.push({ loc: absoluteUrl(routes.story(story.slug.current), site), lastmod: storyModified(story) });
    byMonth.set(key, urls);
  }
  return [...byMonth];
}
