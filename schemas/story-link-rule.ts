// A link in a story body to another story's page (`/story/<slug>`) must name
// a story: the site prints a link to a story it does not have as the bare
// words (site/lib/content/story-links.ts), so a mistyped slug would quietly
// lose the link. The editor is warned while writing it. The Studio cannot see
// the addresses stories had before a rename, which the site still follows
// (site/lib/build/former-story-slugs.ts), so the warning says so.
import type { CustomValidator } from 'sanity';

/** `/story/<slug>`, optionally with a trailing slash, a query or a fragment, as the site reads story links. */
const STORY_PATH = /^\/story\/([^/?#]+)\/?(?:[?#].*)?$/;

export const storyLinkExists: CustomValidator<string | undefined> = async (href, context) => {
  const slug = typeof href === 'string' ? STORY_PATH.exec(href.trim())?.[1] : undefined;
  if (!slug) return true;
  const client = context.getClient({ apiVersion: '2025-02-19' });
  const found = await client.fetch<boolean>('defined(*[_type == "story" && slug.current == $slug][0]._id)', {
    slug: decoded(slug),
  });
  return found
    ? true
    : `No story has the address /story/${slug} now. Unless a story was renamed from it (the site then links to its new address), readers would see these words without a link. Copy the address from the story's Slug field.`;
};

/** A percent-encoded slug as typed in an address; a malformed escape is taken as written. */
function decoded(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}
