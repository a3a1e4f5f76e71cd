// Every crawler may read everything but search results, and is told where the
// sitemap index is.
import type { APIRoute } from 'astro';
import { absoluteUrl, routes } from '../lib/routes.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(
    [
      'User-agent: *',
      `Disallow: ${routes.search()}?`,
      'Allow: /',
      '',
      `Sitemap: ${absoluteUrl(routes.sitemapIndex(), site)}`,
      '',
    ].join('\n'),
    { headers: { 'content-type': 'text/plain; charset=utf-8' } },
  );
