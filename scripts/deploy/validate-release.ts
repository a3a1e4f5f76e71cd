// A release goes live only if its new pages parse and every internal link and
// image on every page resolves within the release. A page seen in an earlier
// release (same bytes) is not parsed again: its links are remembered.
import type { ManifestFile } from './manifest.ts';
import { parsePages } from './parse-pages.ts';
import type { ReleaseStore } from './release-store.ts';
import { resolvePublicPath } from './resolve-public-path.ts';

export type ValidationProblem = { page: string; problem: string };

export type ValidateOptions = {
  files: ReadonlyMap<string, ManifestFile>;
  /** Contents not seen before, by hash (from collectBuild). */
  newBlobs: ReadonlyMap<string, Buffer>;
  store: ReleaseStore;
  /** The site's own origin, so absolute links to it count as internal. */
  siteOrigin?: string;
};

export type Validation = {
  problems: ValidationProblem[];
  /** Every release path some page links to or loads. */
  referenced: Set<string>;
};

/** Bumped when what page-links.ts extracts changes, so remembered links are read again. */
const LINKS_VERSION = 'v2';

export async function validateRelease(options: ValidateOptions): Promise<Validation> {
  const problems: ValidationProblem[] = [];
  const referenced = new Set<string>();
  const html = new Map<string, string>();
  const remembered = (hash: string) => options.store.links.get(`${LINKS_VERSION}:${hash}`);
  for (const [path, file] of options.files) {
    if (!path.endsWith('.html') || remembered(file.hash)) continue;
    const bytes = options.newBlobs.get(file.hash) ?? options.store.readBlob(file.hash);
    if (bytes) html.set(file.hash, bytes.toString('utf8'));
  }
  const parsed = await parsePages(html, options.siteOrigin);
  const exists = (path: string) => options.files.has(path);
  // Every page links to the chrome's paths, and listings to the same stories
  // and images: at 10k stories, 475k links but 12.5k distinct ones. Each is
  // resolved once, which took validation from 0.31-0.40 s to 0.07-0.09 s.
  const targets = new Map<string, string | null>();
  const resolve = (link: string) => {
    let target = targets.get(link);
    if (target === undefined) {
      target = resolvePublicPath(link, exists) ?? null;
      targets.set(link, target);
    }
    return target;
  };
  for (const [page, file] of options.files) {
    if (!page.endsWith('.html')) continue;
    const fresh = parsed.get(file.hash);
    for (const error of fresh?.errors ?? []) problems.push({ page, problem: `does not parse cleanly: ${error}` });
    const links = fresh?.links ?? remembered(file.hash) ?? [];
    for (const link of links) {
      const target = resolve(link);
      if (target) referenced.add(target);
      else problems.push({ page, problem: `links to ${link}, which is not in the release` });
    }
  }
  if (problems.length === 0)
    options.store.links.set([...parsed].map(([hash, p]) => [`${LINKS_VERSION}:${hash}`, p.links]));
  return { problems, referenced };
}
