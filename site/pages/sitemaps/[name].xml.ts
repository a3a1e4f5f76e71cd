// Each sitemap named in the index: pages, stories by month, and Google News.
import type { APIRoute } from 'astro';
import { alwaysRender } from '../../lib/build/page-plan.ts';
import { catalog } from '../../lib/catalog/catalog.ts';
import { absoluteUrl, routes } from '../../lib/routes.ts';
import { hasNewsSitemap, NEWS_SITEMAP, newsStoriesNow } from '../../lib/sitemaps/news-now.ts';
import { renderNewsSitemap } from '../../lib/sitemaps/news-sitemap.ts';
import { siteSitemaps } from '../../lib/sitemaps/site-sitemaps.ts';
import { renderUrlset } from '../../lib/sitemaps/sitemap-xml.ts';

export async function getStaticPaths() {
  const c = await catalog();
  const names = [...siteSitemaps(c, import.meta.env.SITE).keys(), ...(hasNewsSitemap(c) ? [NEWS_SITEMAP] : [])];
  return alwaysRender(names.map((name) => ({ params: { name }, path: `/sitemaps/${name}.xml` })));
}

const xml = (body: string) => new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });

export const GET: APIRoute = async ({ params, site }) => {
  const c = await catalog();
  if (params.name === NEWS_SITEMAP) {
    return xml(
      renderNewsSitemap({
        publication: c.settings.siteName,
        stories: newsStoriesNow(c),
        url: (story) => absoluteUrl(routes.story(story.slug.current), site),
      }),
    );
  }
  const urls = siteSitemaps(c, site).get(String(params.name));
  if (!urls) throw new Error(`No sitemap named "${params.name}".`);
  return xml(renderUrlset(urls));
};
