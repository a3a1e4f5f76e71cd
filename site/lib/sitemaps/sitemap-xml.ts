// The sitemap protocol's two documents (https://www.sitemaps.org/protocol.html):
// a urlset of pages and an index of sitemaps, each URL with its lastmod.
import { textElement, XML_DECLARATION, xmlEscape } from '../feeds/xml.ts';

export type SitemapUrl = { loc: string; lastmod?: string };

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export function renderUrlset(urls: readonly SitemapUrl[]): string {
  const body = urls.map((u) => `<url><loc>${xmlEscape(u.loc)}</loc>${textElement('lastmod', u.lastmod)}</url>`);
  return `${XML_DECLARATION}<urlset xmlns="${NS}">\n${body.join('\n')}\n</urlset>\n`;
}

export function renderSitemapIndex(sitemaps: readonly SitemapUrl[]): string {
  const body = sitemaps.map(
    (s) => `<sitemap><loc>${xmlEscape(s.loc)}</loc>${textElement('lastmod', s.lastmod)}</sitemap>`,
  );
  return `${XML_DECLARATION}<sitemapindex xmlns="${NS}">\n${body.join('\n')}\n</sitemapindex>\n`;
}
