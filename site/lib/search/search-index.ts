// Builds the Pagefind index of the live stories in the background while the
// rest of the build runs: records are made from the same stories the pages
// are (so drafts and embargoed stories never reach it) and handed to
// Pagefind's indexer, a separate process that works on the second core while
// Astro bundles and renders pages on the first. Each shard (search-shards.ts)
// is kept in the cache under a key of its stories' digests and the record
// code, so a rebuild re-indexes only shards whose stories changed; shards are
// linked into the site when the pages are written (Astro empties the output
// directory after the stories are loaded).
import { createHash } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import * as pagefind from 'pagefind';
import { codeFingerprint } from '../content/code-fingerprint.ts';
import type { StoryEntry } from '../content/story-entry.ts';
import { readSearchText } from '../content/story-store.ts';
import { linkTree } from './link-tree.ts';
import { searchRecord } from './search-record.ts';
import { shardOf } from './search-shards.ts';

/**
 * Fragment files (one per story by default) are bundled so that 10k stories
 * do not cost 10k small files: creating them took seconds on the build
 * machine's disk. A result then loads a file of about 20 stories' fragments.
 */
const MAX_FRAGMENTS_PER_SHARD = 60;

/**
 * Records handed to Pagefind before waiting for it to take them. Handing it a
 * whole shard at once kept thousands of records and their messages alive
 * until the indexer caught up, long enough for V8 to move them to the old
 * generation and collect them there: a 10k first build took 0.7 s longer
 * (four paired runs: 20.2 s against 20.9 s on average).
 */
const BATCH = 250;

const SEARCH_CODE = [
  './search-record.ts',
  './search-index.ts',
  './search-shards.ts',
  './unspaced-words.ts',
  '../dates.ts',
  '../zone-clock.ts',
  '../routes.ts',
  '../story-language.ts',
];

export type IndexReport = { records: number; shards: Map<number, string>; indexed: number };
export type PendingIndex = Promise<IndexReport>;

type Shard = { shard: number; stories: StoryEntry[]; dir: string };

/** Indexes the shards whose stories changed into `cacheDir`; finds the others there. */
export function startSearchIndex(stories: readonly StoryEntry[], cacheDir: string): PendingIndex {
  return (async () => {
    const code = codeFingerprint(import.meta.url, SEARCH_CODE, ['NEWSROOM_TIME_ZONE']);
    const byShard = new Map<number, StoryEntry[]>();
    for (const story of stories) {
      const shard = shardOf(story._id);
      const members = byShard.get(shard) ?? [];
      members.push(story);
      byShard.set(shard, members);
    }
    // Pagefind's output depends on the order records are added; sorting by id
    // makes a shard's files the same whether this build or an earlier one
    // loaded its stories, so incremental and full builds agree byte for byte.
    for (const members of byShard.values()) members.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    const shards: Shard[] = [...byShard].map(([shard, members]) => {
      const hash = createHash('sha1').update(`${code}:${shard}:fragments=${MAX_FRAGMENTS_PER_SHARD}`);
      for (const key of members.map((s) => s.body.key).sort()) hash.update(key);
      return { shard, stories: members, dir: join(cacheDir, hash.digest('hex').slice(0, 16)) };
    });
    // Only the shards of the latest content are worth keeping.
    const keep = new Set(shards.map((s) => basename(s.dir)));
    const cached = await readdir(cacheDir).catch(() => [] as string[]);
    await Promise.all(cached.filter((d) => !keep.has(d)).map((d) => rm(join(cacheDir, d), { recursive: true })));
    const missing: Shard[] = [];
    for (const s of shards) if (!(await exists(join(s.dir, 'pagefind-entry.json')))) missing.push(s);
    if (missing.length > 0) await writeShards(missing);
    return {
      records: stories.length,
      shards: new Map(shards.map((s) => [s.shard, s.dir])),
      indexed: missing.length,
    };
  })();
}

async function writeShards(shards: readonly Shard[]): Promise<void> {
  try {
    // One at a time, each in an indexer process of its own: Pagefind's process
    // keeps the memory it has used, so one process for every shard grew to
    // about 150 MB at 10k stories beside the rendering build.
    for (const { stories, dir } of shards) {
      const created = await pagefind.createIndex({ forceLanguage: 'en', maxFragments: MAX_FRAGMENTS_PER_SHARD });
      const index = created.index;
      if (!index) throw new Error(`Pagefind could not start an index: ${created.errors.join('; ')}`);
      for (let i = 0; i < stories.length; i += BATCH) {
        const added: Promise<void>[] = [];
        for (const story of stories.slice(i, i + BATCH)) {
          const record = searchRecord(story, readSearchText(story.body.store, story.body.key));
          added.push(
            index.addCustomRecord(record).then((r) => {
              if (r.errors.length) throw new Error(`Pagefind refused ${record.url}: ${r.errors.join('; ')}`);
            }),
          );
        }
        await Promise.all(added);
      }
      await rm(`${dir}.partial`, { recursive: true, force: true });
      const written = await index.writeFiles({ outputPath: `${dir}.partial` });
      if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
      await index.deleteIndex();
      await pagefind.close();
      await rename(`${dir}.partial`, dir);
    }
  } finally {
    await pagefind.close();
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Waits for the index and links each shard into `outputPath/<shard>/` in the built site. */
export async function publishSearchIndex(pending: PendingIndex, outputPath: string): Promise<IndexReport> {
  const report = await pending;
  await rm(outputPath, { recursive: true, force: true });
  for (const [shard, dir] of report.shards) await linkTree(dir, join(outputPath, String(shard)));
  return report;
}
