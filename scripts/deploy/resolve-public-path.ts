// How a request path maps to a file of a release, shared by the edge (to
// serve) and the validator (to check links), so both agree on what exists.
// Pretty URLs as static hosts do them: /story/x → /story/x.html,
// /section/ → /section/index.html.

export function candidatesFor(urlPath: string): string[] {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return [];
  }
  if (!path.startsWith('/') || path.includes('\0') || path.split('/').includes('..')) return [];
  if (path.endsWith('/')) return [`${path}index.html`];
  return [path, `${path}.html`, `${path}/index.html`];
}

export function resolvePublicPath(urlPath: string, exists: (path: string) => boolean): string | undefined {
  return candidatesFor(urlPath).find(exists);
}
