// Cache-Control per kind of file. Files named by their content hash never
// change under their name, so they are cached for a year; pages, feeds and
// Pagefind's entry points change on every publish, so browsers keep them
// briefly and revalidate (cheaply: the ETag is the content hash) in the
// background.
export const IMMUTABLE_PREFIXES = [
  '/_img/',
  '/_astro/',
  '/pagefind/fragment/',
  '/pagefind/index/',
  '/pagefind/filter/',
];

export function cacheControlFor(path: string, status: number): string {
  if (status === 404) return 'public, max-age=10';
  if (IMMUTABLE_PREFIXES.some((p) => path.startsWith(p)) || /^\/pagefind\/wasm\.[a-z0-9-]+\.pagefind$/.test(path)) {
    return 'public, max-age=31536000, immutable';
  }
  return 'public, max-age=60, stale-while-revalidate=600';
}
