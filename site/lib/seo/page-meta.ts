// What a page tells search engines, feed readers and social networks about
// itself. Every page passes one to the layout, which writes the <head> tags.
import type { FeedFormat } from '../routes.ts';

export type CardImage = {
  /** Absolute URL of a 1200×630 JPEG (lib/images/social-image.ts). */
  url: string;
  width: number;
  height: number;
  type: string;
  /** What the photo shows, followed by its credit line. */
  alt: string;
};

export type ArticleMeta = {
  publishedTime: string;
  modifiedTime: string;
  section: string;
  tags: readonly string[];
  /** Absolute URLs of the authors' pages. */
  authors: readonly string[];
};

export type FeedLink = { format: FeedFormat; title: string; href: string };

export type PageMeta = {
  /** The page's own title; the layout appends the site name. */
  title: string;
  description: string;
  /**
   * Site path of the canonical URL (the layout makes it absolute with SITE_URL).
   * Absent on a page with no address of its own: the 404 page is served at
   * every missing URL, and a canonical /404 would ask search engines to index
   * it as a real page.
   */
  path?: string;
  type?: 'website' | 'article' | 'profile';
  /** og:locale when the page's content is not in the site's language (a story in Persian: fa_IR). */
  locale?: string;
  image?: CardImage;
  article?: ArticleMeta;
  /** Keep the page out of search engines (the search page, the 404 page, editor opt-outs). */
  noIndex?: boolean;
  /** Structured data, written as one application/ld+json script each. */
  jsonLd?: readonly object[];
  /** Feeds this page offers, as <link rel="alternate">. */
  feeds?: readonly FeedLink[];
};
