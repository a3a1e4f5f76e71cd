// The whole site's feeds: /rss.xml, /atom.xml and /feed.json.
import type { APIRoute } from 'astro';
import { alwaysRender } from '../lib/build/page-plan.ts';
import { catalog } from '../lib/catalog/catalog.ts';
import { feedFormatOf, feedResponse } from '../lib/feeds/feed-response.ts';
import { FEED_FILES } from '../lib/routes.ts';

export function getStaticPaths() {
  return alwaysRender(Object.values(FEED_FILES).map((feed) => ({ params: { feed }, path: `/${feed}` })));
}

export const GET: APIRoute = async ({ params, site }) =>
  feedResponse(await catalog(), site, feedFormatOf(params.feed, FEED_FILES));
