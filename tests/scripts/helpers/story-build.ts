// A hand-made build of a site: a page per story and the record of where each
// story is, as a site build writes it (site/lib/build/story-paths.ts), for
// tests of what deploys and hosts do with story addresses.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { STORY_PATHS_FILE } from '../../../site/lib/build/story-paths.ts';

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1><a href="/">Front</a></body></html>`;

/** A build with a page for each story (id → slug) and the record of where each is. */
export function build(stories: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'redirects-build-'));
  const files: Record<string, string> = { 'index.html': page('Front'), '404.html': page('Not found') };
  for (const [id, slug] of Object.entries(stories)) files[`story/${slug}.html`] = page(`Story ${id}`);
  files[STORY_PATHS_FILE] = JSON.stringify(
    Object.fromEntries(Object.entries(stories).map(([id, slug]) => [id, `/story/${slug}`])),
  );
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}
