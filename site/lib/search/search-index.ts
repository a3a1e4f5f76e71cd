// Builds the Pagefind index of the live stories in the background while the
// rest of the build runs: records are made from the same stories the pages
// are (so drafts and embargoed stories never reach it) and handed to
// Pagefind's indexer, a separate process that works on the second core while
// Astro bundles and renders pages on the first. The index is kept in the cache
// under a key of the stories' digests and the record code, so a rebuild with
// no change reuses it, and linked into the site when the pages are written
// (Astro empties the output directory after the stories are loaded).
import { createHash } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CustomRecord } from 'pagefind';
import * as pagefind from 'pagefind';
import { readBody } from '../content/body-store.ts';
import { codeFingerprint } from '../content/code-fingerprint.ts';
import type { StoryEntry } from '../content/story-entry.ts';
import { htmlText } from './html-text.ts';
import { linkTree } from './link-tree.ts';
import { searchRecord } from './search-record.ts';

/**
 * Fragment files (one per story by default) are bundled so that 10k stories
 * do not cost 10k small files: creating them took seconds on the build
 * machine's disk. A result then loads a file of about 20 stories' fragments.
 */
const MAX_FRAGMENTS = 500;

/** Stories made into records between yields to the event loop, so the build around it keeps moving. */
const BATCH = 250;

export type IndexReport = { records: number; reused: boolean; dir: string };
export type PendingIndex = Promise<IndexReport>;

/**
 * What the index is made from: each story's digest (its content and the body
 * renderer's code, see content/renderer-version.ts) and the code that makes
 * records of stories. Reading the bodies is left until this says the index
 * must be built again.
 */
function indexKey(stories: readonly StoryEntry[]): string {
  const code = codeFingerprint(import.meta.url, SEARCH_CODE, ['NEWSROOM_TIME_ZONE']);
  const hash = createHash('sha1').update(`${code}:fragments=${MAX_FRAGMENTS}`);
  for (const key of stories.map((s) => s.body.key).sort()) hash.update(key);
  return hash.digest('hex').slice(0, 16);
}

const SEARCH_CODE = ['./search-record.ts', './html-text.ts', './search-index.ts', '../dates.ts', '../routes.ts'];

/** Indexes `stories` into a directory under `cacheDir`, or finds the index of the same stories there. */
export function startSearchIndex(stories: readonly StoryEntry[], cacheDir: string): PendingIndex {
  return (async () => {
    const dir = join(cacheDir, indexKey(stories));
    const complete = await stat(join(dir, 'pagefind-entry.json')).then(
      () => true,
      () => false,
    );
    if (complete) return { records: stories.length, reused: true, dir };
    const records: CustomRecord[] = [];
    for (let i = 0; i < stories.length; i += BATCH) {
      for (const story of stories.slice(i, i + BATCH)) {
        records.push(searchRecord(story, htmlText(readBody(story.body.store, story.body.key))));
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Only the index of the latest content is worth keeping.
    await rm(cacheDir, { recursive: true, force: true });
    await writeIndex(records, `${dir}.partial`);
    await rename(`${dir}.partial`, dir);
    return { records: records.length, reused: false, dir };
  })();
}

async function writeIndex(records: readonly CustomRecord[], dir: string): Promise<void> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en', maxFragments: MAX_FRAGMENTS });
    const index = created.index;
    if (!index) throw new Error(`Pagefind could not start an index: ${created.errors.join('; ')}`);
    await Promise.all(
      records.map(async (record) => {
        const added = await index.addCustomRecord(record);
        if (added.errors.length) throw new Error(`Pagefind refused ${record.url}: ${added.errors.join('; ')}`);
      }),
    );
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/** Waits for the index and links it into `outputPath` in the built site. */
export async function publishSearchIndex(pending: PendingIndex, outputPath: string): Promise<IndexReport> {
  const report = await pending;
  await rm(outputPath, { recursive: true, force: true });
  await linkTree(report.dir, outputPath);
  return report;
}
