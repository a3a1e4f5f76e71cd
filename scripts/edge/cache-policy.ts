// Cache-Control per kind of file. Hashed assets never change under their name;
// pages and feeds change on every publish, so browsers keep them briefly and
// revalidate (cheaply: the ETag is the content hash) in the background.
const HASHED = /^\/(_img|_astro|pagefind)\//;

export function cacheControlFor(path: string, status: number): string {
  if (status === 404) return 'public, max-age=10';
  if (HASHED.test(path) && !path.endsWith('.json') && !path.startsWith('/pagefind/pagefind-entry')) {
    return 'public, max-age=31536000, immutable';
  }
  return 'public, max-age=60, stale-while-revalidate=600';
}
