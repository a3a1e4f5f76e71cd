// Links from one story's body to another story's page. Bodies are rendered
// once and reused while the story is unchanged, but the story they link to
// can be taken down meanwhile; the page then prints the words without the
// link rather than a link to nothing (and the deploy would refuse a dead link).
// Or its slug can change: the link then goes to the story's new address,
// rather than through the redirect the edge keeps at the old one.
//
// Editors write such links every way a browser reads them: `/story/x`, with a
// fragment or a query, with a trailing slash, or as the site's full address.
// All of them lead to the story's page, so all of them count as links to it.
// One regex pass over the body: a 10k-story build runs this on every body, so
// a URL is parsed only for a link that names an origin, to compare it with the
// site's.
//
// Groups: 1 the origin, if written; 2 the slug; 3 what follows the slug in
// the address; 4 the rest of the opening tag; 5 the linked words.
const STORY_HREF = /<a href="(https?:\/\/[^/"?#]+)?\/story\/([^"#?/]+)(\/?(?:[?#][^"]*)?)"([^>]*>)([\s\S]*?)<\/a>/g;

const origins = new Map<string, string | undefined>();

/** The site's origin (`https://news.example`), or undefined when there is no usable site URL. */
function siteOrigin(siteUrl: string | undefined): string | undefined {
  if (!siteUrl) return undefined;
  let origin = origins.get(siteUrl);
  if (origin === undefined && !origins.has(siteUrl)) {
    origin = URL.canParse(siteUrl) ? new URL(siteUrl).origin : undefined;
    origins.set(siteUrl, origin);
  }
  return origin;
}

/** Whether a matched link stays on the site: a path, or an address on the site's own origin. */
function onSite(origin: string | undefined, site: string | undefined): boolean {
  return origin === undefined || (site !== undefined && URL.canParse(origin) && new URL(origin).origin === site);
}

/** The slugs of the stories a rendered body links to; `siteUrl` makes full addresses on the site count too. */
export function linkedStorySlugs(html: string, siteUrl?: string): string[] {
  const site = siteOrigin(siteUrl);
  const slugs = new Set<string>();
  for (const m of html.matchAll(STORY_HREF)) if (onSite(m[1], site)) slugs.add(m[2] as string);
  return [...slugs];
}

/**
 * What becomes of links to stories that are not live under the slug linked:
 * slug → the story's slug now, or null for a story that is gone.
 */
export type StoryLinkFates = ReadonlyMap<string, string | null>;

/** The body with links to gone stories replaced by their words, and links to moved stories pointed at their new slug. */
export function retargetStoryLinks(html: string, fates: StoryLinkFates, siteUrl?: string): string {
  if (fates.size === 0) return html;
  const site = siteOrigin(siteUrl);
  return html.replace(
    STORY_HREF,
    (whole, origin: string | undefined, slug: string, rest: string, tag: string, words: string) => {
      const fate = fates.get(slug);
      if (fate === undefined || !onSite(origin, site)) return whole;
      return fate === null ? words : `<a href="${origin ?? ''}/story/${fate}${rest}"${tag}${words}</a>`;
    },
  );
}
