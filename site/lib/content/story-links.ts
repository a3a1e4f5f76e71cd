// Links from one story's body to another story's page. Bodies are rendered
// once and reused while the story is unchanged, but the story they link to
// can be taken down meanwhile; the page then prints the words without the
// link rather than a link to nothing (and the deploy would refuse a dead link).
const STORY_HREF = /<a href="\/story\/([^"#?/]+)"[^>]*>([\s\S]*?)<\/a>/g;

/** The slugs of the stories a rendered body links to. */
export function linkedStorySlugs(html: string): string[] {
  return [...new Set([...html.matchAll(STORY_HREF)].map((m) => m[1] as string))];
}

/** The body with links to the given stories replaced by their words. */
export function unlinkStories(html: string, dead: ReadonlySet<string>): string {
  if (dead.size === 0) return html;
  return html.replace(STORY_HREF, (whole, slug: string, words: string) => (dead.has(slug) ? words : whole));
}
