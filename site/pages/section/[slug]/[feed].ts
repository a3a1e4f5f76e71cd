// Each section's feeds: /section/<slug>/rss.xml, atom.xml and feed.json.
import type { APIRoute } from 'astro';
import { sectionFeedKey } from '../../../lib/build/page-keys.ts';
import { planPages } from '../../../lib/build/page-plan.ts';
import { catalog } from '../../../lib/catalog/catalog.ts';
import { feedFormatOf, feedResponse } from '../../../lib/feeds/feed-response.ts';
import { FEED_FILES } from '../../../lib/routes.ts';

export async function getStaticPaths() {
  const c = await catalog();
  return planPages(
    c.sections.flatMap((section) =>
      Object.values(FEED_FILES).map((feed) => ({
        params: { slug: section.slug, feed },
        props: {},
        path: `/section/${section.slug}/${feed}`,
        key: sectionFeedKey(c, section, feed),
      })),
    ),
  );
}

export const GET: APIRoute = async ({ params, site }) => {
  const c = await catalog();
  const section = c.listing('section', String(params.slug));
  if (!section) throw new Error(`No section "${params.slug}" to write a feed for.`);
  return feedResponse(c, site, feedFormatOf(params.feed, FEED_FILES), section);
};
