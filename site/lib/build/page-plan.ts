// Incremental builds: each page of a dynamic route gets a key built from
// everything it shows (its documents' digests, the site settings, the code).
// A build given the keys of the release it builds on renders only the pages
// whose key changed, and records every key for the next build. The deploy
// lays the rendered pages over that release and removes pages that are gone.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { processShared } from '../process-shared.ts';

const registry = () => processShared('pageKeys', () => new Map<string, string>());

let previous: Map<string, string> | null | undefined;

/** The keys of the release this build is laid over, or null for a full build. */
function previousKeys(): Map<string, string> | null {
  if (previous === undefined) {
    const file = process.env.NEWSROOM_BASE_KEYS;
    previous = file ? new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)) : null;
  }
  return previous;
}

/** A key from the inputs of a page; the code version is always part of it. */
export function pageKey(...inputs: unknown[]): string {
  const hash = createHash('sha1').update(process.env.NEWSROOM_CODE_VERSION ?? 'dev');
  for (const input of inputs)
    hash.update('\u0000').update(typeof input === 'string' ? input : (JSON.stringify(input) ?? '-'));
  return hash.digest('hex').slice(0, 16);
}

export type PlannedPath<P, R> = { params: P; props: R; path: string; key: string };

/**
 * Records every path's key and returns the paths to render: all of them in a
 * full build, only new or changed ones when building over a base release.
 * `path` is the output file, e.g. /story/x.html.
 */
export function planPages<P, R>(paths: PlannedPath<P, R>[]): { params: P; props: R }[] {
  const keys = registry();
  const base = previousKeys();
  const render: { params: P; props: R }[] = [];
  for (const { params, props, path, key } of paths) {
    keys.set(path, key);
    if (!base || base.get(path) !== key) render.push({ params, props });
  }
  return render;
}

/**
 * Paths rendered in every build (feeds of the whole site, sitemaps: they
 * change with almost any publish), recorded so a deploy notices when one is
 * gone.
 */
export function alwaysRender<P>(paths: { params: P; path: string }[]): { params: P }[] {
  const keys = registry();
  const build = buildStamp();
  for (const { path } of paths) keys.set(path, build);
  return paths.map(({ params }) => ({ params }));
}

let stamp: string | undefined;
function buildStamp(): string {
  stamp ??= `always-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return stamp;
}

/** The file a page route writes for a URL path (build.format 'file'). */
export function htmlFile(urlPath: string): string {
  return urlPath === '/' ? '/index.html' : `${urlPath}.html`;
}

/** Starts a build afresh: no keys recorded, the base keys and stamp read again. */
export function resetPagePlan(): void {
  registry().clear();
  previous = undefined;
  stamp = undefined;
}

/** Every page key recorded in this build, for the next one. */
export function recordedPageKeys(): ReadonlyMap<string, string> {
  return registry();
}
