// The build's record of where each live story is: story id → the path of its
// page. The deploy keeps it with the release and remembers every path a story
// has had, so an address shared before a slug change redirects to the story's
// page now (scripts/deploy/story-redirects.ts). Written into the build output
// under a folder the deploy reads and does not publish, so `npm run deploy` of
// any build directory has it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { processShared } from '../process-shared.ts';

/** Where in a build's output the record is, relative to its root. */
export const STORY_PATHS_FILE = '.newsroom/story-paths.json';

const registry = () => processShared('storyPaths', () => new Map<string, string>());

/** Called by the story route with every live story, rendered this build or not. */
export function recordStoryPaths(paths: Iterable<[id: string, path: string]>): void {
  const record = registry();
  record.clear();
  for (const [id, path] of paths) record.set(id, path);
}

export function storyPaths(): AstroIntegration {
  return {
    name: 'newsroom-story-paths',
    hooks: {
      'astro:config:setup': () => registry().clear(),
      'astro:build:done': ({ dir }) => {
        const file = join(fileURLToPath(dir), STORY_PATHS_FILE);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(Object.fromEntries([...registry()].sort(([a], [b]) => a.localeCompare(b)))));
      },
    },
  };
}
