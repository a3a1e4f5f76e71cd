// The smallest build a deploy accepts, for tests about switching releases
// rather than about their pages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const page = (title: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head></html>`;

/** A build directory holding a front page titled `title` and the 404 page every release needs (see entry-pages.ts). */
export function smallestBuild(title = 'Front'): string {
  const dir = mkdtempSync(join(tmpdir(), 'smallest-build-'));
  writeFileSync(join(dir, 'index.html'), page(title));
  writeFileSync(join(dir, '404.html'), page('Not found'));
  return dir;
}
