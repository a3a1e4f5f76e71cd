// The sitemap index: every sitemap of the site with its lastmod, the Google
// News sitemap among them while it has stories.
import type { APIRoute } from 'astro';
import { catalog } from '../lib/catalog/catalog.ts';
import { latestModified, latestOf } from '../lib/catalog/modified.ts';
import { absoluteUrl, routes } from '../lib/routes.ts';
import { hasNewsSitemap, NEWS_SITEMAP, newsStoriesNow } from '../lib/sitemaps/news-now.ts';
import { siteSitemaps } from '../lib/sitemaps/site-sitemaps.ts';
import { renderSitemapIndex } from '../lib/sitemaps/sitemap-xml.ts';

export const GET: APIRoute = async ({ site }) => {
  const c = await catalog();
  const sitemaps = [...siteSitemaps(c, site)].map(([name, urls]) => ({
    loc: absoluteUrl(routes.sitemap(name), site),
    lastmod: latestOf(urls.map((u) => u.lastmod)),
  }));
  if (hasNewsSitemap(c)) {
    const news = newsStoriesNow(c);
    sitemaps.push({ loc: absoluteUrl(routes.sitemap(NEWS_SITEMAP), site), lastmod: latestModified(news) });
  }
  return new Response(renderSitemapIndex(sitemaps), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
