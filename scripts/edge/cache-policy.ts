// Cache-Control per kind of file. Files named by their content hash never
// change under their name, so they are cached for a year; pages, feeds and
// Pagefind's entry points (and its wasm, named by language only) change on
// every publish or upgrade, so browsers keep them briefly and revalidate
// (cheaply: the ETag is the content hash) in the background. A redirect from
// a story's former address is permanent for the story, but where it leads
// changes with the next rename, and another story may take the address: it is
// cached like a page, not for ever as browsers would cache a bare 301.

/**
 * Where the content-hashed files live, as path patterns in the `_headers`
 * dialect Netlify and Cloudflare share: `:shard` is one path segment (the
 * search index is sharded: /pagefind/<n>/...).
 */
export const IMMUTABLE_PATHS = [
  '/_img/',
  '/_astro/',
  '/pagefind/:shard/fragment/',
  '/pagefind/:shard/index/',
  '/pagefind/:shard/filter/',
];

const IMMUTABLE = IMMUTABLE_PATHS.map((pattern) => new RegExp(`^${pattern.replace(/:[a-z]+/g, '[^/]+')}`));

const PAGE = 'public, max-age=60, stale-while-revalidate=600';

export function cacheControlFor(path: string, status: number): string {
  if (status === 404) return 'public, max-age=10';
  if (status === 301) return PAGE;
  if (IMMUTABLE.some((re) => re.test(path))) return 'public, max-age=31536000, immutable';
  return PAGE;
}
