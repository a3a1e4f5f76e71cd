/** The site's public address (SITE_URL), for canonical links, feeds and sitemaps, and the deploy's link checks. */
export function siteUrl(): string {
  // Blank is unset, as a .env line with no value leaves it.
  return process.env.SITE_URL || 'http://localhost:4321';
}
