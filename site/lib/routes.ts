// Every URL the site links to is built here, so pages, feeds, sitemaps and the
// search index agree and a change of scheme is one edit. Paths have no .html:
// the edge maps /story/x to story/x.html (build.format 'file').
//
// Listings (section, topic, author) have a front page with the newest stories
// and numbered archive pages counted from the oldest story, so /page/3 holds
// the same stories for ever: publishing only changes the front and the last
// page (see lib/catalog/stable-pages.ts).

export const LISTING_KINDS = ['section', 'topic', 'author'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** The file name of each feed format, at the site root and under each section. */
export const FEED_FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const satisfies Record<
  FeedFormat,
  string
>;

const two = (n: number) => String(n).padStart(2, '0');

export const routes = {
  home: () => '/',
  story: (slug: string) => `/story/${slug}`,
  listing: (kind: ListingKind, slug: string, page?: number) =>
    page === undefined ? `/${kind}/${slug}` : `/${kind}/${slug}/page/${page}`,
  section: (slug: string, page?: number) => routes.listing('section', slug, page),
  topic: (slug: string, page?: number) => routes.listing('topic', slug, page),
  author: (slug: string, page?: number) => routes.listing('author', slug, page),
  topics: () => '/topics',
  archive: () => '/archive',
  archiveMonth: (year: number, month: number) => `/archive/${year}/${two(month)}`,
  archiveDay: (year: number, month: number, day: number) => `/archive/${year}/${two(month)}/${two(day)}`,
  search: () => '/search',
  /** The whole site's feed, or one section's. */
  feed: (format: FeedFormat, sectionSlug?: string) =>
    sectionSlug ? `/section/${sectionSlug}/${FEED_FILES[format]}` : `/${FEED_FILES[format]}`,
  sitemapIndex: () => '/sitemap.xml',
  sitemap: (name: string) => `/sitemaps/${name}.xml`,
  robots: () => '/robots.txt',
  favicon: () => '/favicon.svg',
} as const;

/** An absolute URL on the site, for feeds, sitemaps, canonical links and cards. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (!site) throw new Error(`No site URL to make ${path} absolute: set SITE_URL (astro.config.mjs reads it).`);
  return new URL(path, site).href;
}
