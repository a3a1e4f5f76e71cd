// The feed formats the site publishes, each with its writer and media type.
import type { FeedFormat } from '../routes.ts';
import { renderAtom } from './atom.ts';
import type { FeedModel } from './feed-model.ts';
import { renderJsonFeed } from './json-feed.ts';
import { renderRss } from './rss.ts';

export type FeedWriter = { label: string; mediaType: string; render: (feed: FeedModel) => string };

export const feedFormats = {
  rss: { label: 'RSS', mediaType: 'application/rss+xml', render: renderRss },
  atom: { label: 'Atom', mediaType: 'application/atom+xml', render: renderAtom },
  json: { label: 'JSON Feed', mediaType: 'application/feed+json', render: renderJsonFeed },
} satisfies Record<FeedFormat, FeedWriter>;
