// The addresses stories had in earlier releases, as the deploy remembers them
// (scripts/deploy/story-redirects.ts): the publisher, or `npm run build`
// beside a release store, names a JSON file of path → story id in
// NEWSROOM_STORY_HISTORY. A body's link to a story's former address then
// points at its page now (see storyLinkFates in page-keys.ts). Without the
// file, such a link is to a story that is not live, and loses its <a>.
import { readFileSync } from 'node:fs';
import { routes } from '../routes.ts';

let slugs: Map<string, string> | undefined;

/** Former story slug → the id of the last story that had it. */
export function formerStorySlugs(): ReadonlyMap<string, string> {
  if (!slugs) {
    const file = process.env.NEWSROOM_STORY_HISTORY;
    const history = file ? readHistory(file) : {};
    const prefix = routes.story('');
    slugs = new Map(
      Object.entries(history)
        .filter(([path]) => path.startsWith(prefix))
        .map(([path, id]) => [path.slice(prefix.length), id]),
    );
  }
  return slugs;
}

/** A hosted workflow's first run names the file it will keep the history in before there is one. */
function readHistory(file: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}
