// A story's id in every feed: RSS guid, Atom id, JSON Feed id. Not its
// address: a slug change moves a story to a new URL (the old one redirects),
// and a feed reader that met a new id would show the story again as new.
// Atom wants an entry's id never to change (RFC 4287 4.2.6), and JSON Feed
// asks the same. A tag URI (RFC 4151) names the story by its document id,
// under the site's host and the day the document was created: neither changes
// while the story lives, whatever its slug or publication time become.
import type { StoryEntry } from '../content/story-entry.ts';

export function storyFeedId(
  story: Pick<StoryEntry, '_id' | '_createdAt' | 'publishedAt'>,
  site: URL | string | undefined,
): string {
  if (!site)
    throw new Error(`No site URL to name story ${story._id} in feeds: set SITE_URL (astro.config.mjs reads it).`);
  const day = (story._createdAt ?? story.publishedAt).slice(0, 10);
  return `tag:${new URL(String(site)).hostname},${day}:story/${encodeURIComponent(story._id)}`;
}
