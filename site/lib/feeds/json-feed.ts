// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), checked in the tests
// against the specification's JSON Schema. An item in another language than
// the feed's says so (1.1's item `language`), as an Atom entry does.
import type { FeedItem, FeedModel } from './feed-model.ts';

function item(entry: FeedItem) {
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    content_text: entry.summary,
    summary: entry.summary,
    image: entry.image?.url,
    date_published: entry.published,
    date_modified: entry.modified,
    authors: entry.authors.length > 0 ? entry.authors : undefined,
    tags: [entry.section, ...entry.tags],
    language: entry.language,
  };
}

export function renderJsonFeed(feed: FeedModel): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: feed.homeUrl,
      feed_url: feed.selfUrl,
      description: feed.description,
      language: feed.language,
      authors: [feed.publisher],
      items: feed.items.map(item),
    },
    null,
    1,
  )}\n`;
}
