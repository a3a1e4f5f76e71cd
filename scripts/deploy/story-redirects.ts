// Addresses a story had before its slug changed keep working: each redirects
// (301) to where the story is in the release served. Worked out from the
// store's history of story paths (old path → the last story that had it) and
// the release's own record of where each story is, so a chain of renames
// (a → b → c) goes straight to c, a rollback serves redirects that agree with
// the release it makes live, and nothing can loop: every target is a page of
// the release. A path a page of the release serves (another story took the
// slug) is that page's, and a story that is not live has no redirects: its
// old addresses are 404s like its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STORY_PATHS_FILE } from '../../site/lib/build/story-paths.ts';
import type { ReleaseManifest } from './manifest.ts';
import { resolvePublicPath } from './resolve-public-path.ts';

/** Old path → the path of the same story's page in `release`. */
export function storyRedirects(
  history: ReadonlyMap<string, string>,
  release: { files: Readonly<Record<string, unknown>>; stories?: ReleaseManifest['stories'] },
): Map<string, string> {
  const redirects = new Map<string, string>();
  const stories = release.stories ?? {};
  for (const [path, id] of history) {
    const target = stories[id];
    if (target === undefined || target === path) continue;
    if (resolvePublicPath(path, (p) => p in release.files)) continue;
    redirects.set(path, target);
  }
  return new Map([...redirects].sort(([a], [b]) => a.localeCompare(b)));
}

/** The build's record of story id → page path, or undefined for a build that wrote none. */
export function readStoryPaths(buildDir: string): Record<string, string> | undefined {
  try {
    return JSON.parse(readFileSync(join(buildDir, STORY_PATHS_FILE), 'utf8')) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The build's own records (see STORY_PATHS_FILE), which the deploy reads and does not publish. */
export const BUILD_RECORDS = `/${STORY_PATHS_FILE.split('/')[0]}/`;
