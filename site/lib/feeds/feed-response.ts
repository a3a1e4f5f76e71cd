// A feed as an endpoint's response: the format's writer and media type.
import type { Catalog, Listing } from '../catalog/build-catalog.ts';
import type { FeedFormat } from '../routes.ts';
import { feedFormats } from './formats.ts';
import { storyFeed } from './story-feed.ts';

export function feedResponse(catalog: Catalog, site: URL | undefined, format: FeedFormat, section?: Listing): Response {
  const writer = feedFormats[format];
  const body = writer.render(storyFeed({ catalog, site, format, section }));
  return new Response(body, { headers: { 'content-type': `${writer.mediaType}; charset=utf-8` } });
}

/** Which format a feed file name is (`rss.xml` → rss). */
export function feedFormatOf(file: string | undefined, files: Record<FeedFormat, string>): FeedFormat {
  const format = (Object.keys(files) as FeedFormat[]).find((f) => files[f] === file);
  if (!format)
    throw new Error(`No feed is published as "${file}"; the feed files are ${Object.values(files).join(', ')}.`);
  return format;
}
