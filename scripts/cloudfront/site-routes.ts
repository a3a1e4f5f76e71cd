// What the viewer-request function must know of a build to map request paths
// to S3 keys exactly as the local edge maps them to files
// (scripts/deploy/resolve-public-path.ts). A function cannot ask S3 whether a
// key exists, so it maps by a default rule: /x/ → /x/index.html, a path whose
// last segment has a dot is a file as named, /x → /x.html (pages are written
// as x.html, build.format 'file'). Where the edge would serve another file
// (an extension-less file, a page with a dot in its name, a directory's
// index.html at /x), the build says so here, and the function follows it.
import { resolvePublicPath } from '../deploy/resolve-public-path.ts';

export type SiteRoutes = {
  /** Directories with an index.html, as paths ending in `/` (usually only `/`). */
  indexes: string[];
  /** Request path → the file that serves it, where the default rule would say another. */
  exact: Record<string, string>;
};

/** The file the function's default rule maps a decoded request path to. */
export function defaultFile(path: string): string {
  if (path.endsWith('/')) return `${path}index.html`;
  return path.slice(path.lastIndexOf('/') + 1).includes('.') ? path : `${path}.html`;
}

/** The routes of a build, from its public paths (`/story/x.html`, `/index.html`…). */
export function siteRoutes(publicPaths: Iterable<string>): SiteRoutes {
  const files = new Set(publicPaths);
  const exists = (path: string) => files.has(path);
  const indexes: string[] = [];
  const exact: Record<string, string> = {};
  for (const file of [...files].sort()) {
    if (file.endsWith('/index.html')) indexes.push(file.slice(0, -'index.html'.length));
    for (const request of requestsServedBy(file)) {
      // resolvePublicPath decodes what it is given, as it gets a request's raw path.
      const served = resolvePublicPath(encodeURI(request), exists);
      if (served !== undefined && served !== defaultFile(request)) exact[request] = served;
    }
  }
  return { indexes, exact };
}

/** The extension-less requests that may be served by `file`. */
function requestsServedBy(file: string): string[] {
  const requests: string[] = [];
  if (!file.slice(file.lastIndexOf('/') + 1).includes('.')) requests.push(file);
  if (file.endsWith('.html')) requests.push(file.slice(0, -'.html'.length));
  if (file.endsWith('/index.html') && file !== '/index.html') requests.push(file.slice(0, -'/index.html'.length));
  return requests.filter((request) => request !== '' && !request.endsWith('/'));
}
