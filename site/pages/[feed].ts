// The whole site's feeds: /rss.xml, /atom.xml and /feed.json.
import type { APIRoute } from 'astro';
import { catalog } from '../lib/catalog/catalog.ts';
import { feedFormatOf, feedResponse } from '../lib/feeds/feed-response.ts';
import { FEED_FILES } from '../lib/routes.ts';

export function getStaticPaths() {
  return Object.values(FEED_FILES).map((feed) => ({ params: { feed } }));
}

export const GET: APIRoute = async ({ params, site }) =>
  feedResponse(await catalog(), site, feedFormatOf(params.feed, FEED_FILES));
