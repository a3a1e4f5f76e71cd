// The search index is rebuilt shard by shard: a build with the same stories
// reuses every shard from the cache, and changing one story re-indexes only
// the shard it is in, which is what keeps a publish fast on a large site.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoryEntry } from '../../../../site/lib/content/story-entry.ts';
import { storyStore } from '../../../../site/lib/content/story-store.ts';
import { publishSearchIndex, startSearchIndex } from '../../../../site/lib/search/search-index.ts';
import { shardOf } from '../../../../site/lib/search/search-shards.ts';

const dir = mkdtempSync(join(tmpdir(), 'search-index-test-'));
// With a trailing slash, as the integration passes it (a path made from a URL).
const cache = `${join(dir, 'cache')}/`;
const store = join(dir, 'bodies.sqlite');

function story(n: number, version = 1): StoryEntry {
  return {
    _id: `story-${n}`,
    _type: 'story',
    headline: `Story number ${n}`,
    slug: { current: `story-${n}` },
    section: { _id: 'section-world', _type: 'section', name: 'World', slug: { current: 'world' } },
    publishedAt: `2026-11-${String((n % 28) + 1).padStart(2, '0')}T09:00:00Z`,
    body: { store, key: `digest-${n}-v${version}`, excerpt: '', headings: [], wordCount: 3, storyLinks: [] },
  } as unknown as StoryEntry;
}

beforeAll(() => {
  const stories = storyStore(store);
  for (let n = 0; n < 40; n++)
    for (const v of [1, 2])
      stories.put(
        story(n, v),
        { html: `<p>Words of story ${n}, version ${v}.</p>`, searchText: `Words of story ${n}, version ${v}.` },
        [],
      );
  stories.flush();
  stories.close();
});

describe('startSearchIndex', () => {
  const stories = Array.from({ length: 40 }, (_, n) => story(n));
  const shards = new Set(stories.map((s) => shardOf(s._id))).size;

  it('indexes every shard the first time, and none when nothing changed', async () => {
    expect(shards).toBeGreaterThan(3);
    const first = await startSearchIndex(stories, cache);
    expect(first).toMatchObject({ records: 40, indexed: shards });
    const again = await startSearchIndex(stories, cache);
    expect(again.indexed).toBe(0);
    expect([...again.shards.values()]).toEqual([...first.shards.values()]);
  }, 60_000);

  it('re-indexes only the changed story’s shard, and links every shard into the site', async () => {
    const edited = stories.map((s, n) => (n === 7 ? story(7, 2) : s));
    const report = await startSearchIndex(edited, cache);
    expect(report.indexed).toBe(1);
    const site = join(dir, 'site', 'pagefind');
    const published = await publishSearchIndex(Promise.resolve(report), site);
    expect([...published.shards.keys()].sort()).toEqual([...report.shards.keys()].sort());
  }, 60_000);
});
