// The pages every release must have, checked before a build's files are read
// into the store: without /index.html the edge answers the front page with the
// 404 page, and without /404.html it answers every unknown path with a bare
// "Not found". Deploying the wrong directory (`content/`, an empty one, one
// holding only `.env`) once made it the live site.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestFile } from './manifest.ts';
import type { ValidationProblem } from './validate-release.ts';

const ENTRY_PAGES = {
  '/index.html': 'the front page',
  '/404.html': 'the page the edge answers unknown paths with',
} as const;

/** A problem for each entry page neither the build nor (for a partial build) its base provides. */
export function missingEntryPages(buildDir: string, baseFiles: ReadonlyMap<string, ManifestFile>): ValidationProblem[] {
  return Object.entries(ENTRY_PAGES)
    .filter(([path]) => !baseFiles.has(path) && !isFile(join(buildDir, path)))
    .map(([page, what]) => ({ page, problem: `is missing from ${buildDir}: every release needs ${what}` }));
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
