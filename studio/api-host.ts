// Where the Studio finds the content lake. The build bakes in
// SANITY_STUDIO_API_HOST (Vite inlines SANITY_STUDIO_* variables); a server
// that serves the built Studio and knows better (npm start, the browser tests,
// each with a lake of their own) says so in a meta tag of index.html, so one
// build serves any lake without rebuilding.

export const DEFAULT_API_HOST = 'https://localhost:4443';

/** The meta tag a Studio server may add to index.html: `<meta name="newsroom:api-host" content="https://…">`. */
export const API_HOST_META = 'newsroom:api-host';

export function studioApiHost(): string {
  const served =
    typeof document === 'undefined'
      ? undefined
      : document.querySelector(`meta[name="${API_HOST_META}"]`)?.getAttribute('content');
  return served || process.env.SANITY_STUDIO_API_HOST || DEFAULT_API_HOST;
}
