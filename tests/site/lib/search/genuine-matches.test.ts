// The search page keeps Pagefind's results that hold what the reader typed.
// Here on indexes big enough that Pagefind splits each into several files
// (about 20,000 word positions a file), whose metadata names the range of
// words each holds only by their first letters: the check must read the file
// a word is in whatever those say. Pagefind's own browser script searches
// the index, in Node, over HTTP, as the page does in a browser.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../../../../scripts/edge/static-server.ts';
import { createRandom } from '../../../../scripts/generate/random.ts';
import { genuineMatches, onlyMatching } from '../../../../site/lib/search/client/genuine-matches.ts';
import type { LoadableResult, PagefindApi } from '../../../../site/lib/search/client/pagefind-api.ts';
import { readShardIndex } from '../../../../site/lib/search/client/pagefind-index-files.ts';

const root = mkdtempSync(join(tmpdir(), 'genuine-matches-test-'));
const SHARDS = 2;
const PER_SHARD = 1500;

// Words of consonants alone: English stemming leaves them as they are, so a
// page matches a query word exactly when one of its words begins with it.
const r = createRandom(11);
const word = () => Array.from({ length: r.int(3, 8) }, () => r.pick([...'bcdfghjklmnpqrtvwxz'])).join('');
/** English words, one in every tenth text: the first three share the stem "elect". */
const ENGLISH = ['election', 'elections', 'elected', 'electricity', 'electoral'];
const texts = Array.from({ length: SHARDS }, () =>
  Array.from({ length: PER_SHARD }, (_, n) =>
    [...Array.from({ length: 30 }, word), ...(n % 10 ? [] : [r.pick(ENGLISH)])].join(' '),
  ),
);

let server: StaticServer;
let api: PagefindApi;
let shards: string[];

beforeAll(async () => {
  for (const [s, pages] of texts.entries()) {
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error('Pagefind did not start');
    for (const [n, content] of pages.entries()) {
      await index.addCustomRecord({ url: `/story/${s}-${n}`, content, language: 'en', meta: { title: `${s}-${n}` } });
    }
    await index.writeFiles({ outputPath: join(root, String(s)) });
    await index.deleteIndex();
    await pagefind.close();
  }
  server = await startStaticServer({ root: () => root });
  shards = texts.map((_, s) => `${server.url}/${s}/`);
  api = (await import(pathToFileURL(join(root, '0', 'pagefind.js')).href)) as PagefindApi;
  await api.options({ basePath: shards[0], mergeFilter: { shard: shards[0] } });
  for (const shard of shards.slice(1)) await api.mergeIndex(shard, { mergeFilter: { shard } });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/** The pages (story URLs) whose text has a word beginning with each word of `query`. */
function holding(query: string): string[] {
  const terms = query.split(' ');
  return texts.flatMap((pages, s) =>
    pages.flatMap((text, n) => {
      const words = text.split(' ');
      return terms.every((t) => words.some((w) => w.startsWith(t))) ? [`/story/${s}-${n}`] : [];
    }),
  );
}

const urls = async (results: readonly LoadableResult[]) =>
  (await Promise.all(results.map(async (r) => (await r.data()).url))).sort();

/** What Pagefind found for `query`, and what the search page keeps of it. */
async function search(query: string): Promise<{ found: string[]; kept: string[] }> {
  const found = (await api.search(query, {}))?.results ?? [];
  const kept = onlyMatching(found, await genuineMatches(api, shards, query)());
  return { found: await urls(found), kept: await urls(kept) };
}

describe('results that hold what was typed, on indexes of many files', () => {
  it('has indexes of several files each', async () => {
    for (const shard of shards) expect((await readShardIndex(shard)).chunks.length).toBeGreaterThan(2);
  });

  // The last word of a file is named by its first letters ("coun" for
  // "countries"); a word beginning with those letters can be in that file.
  it('keeps the pages of words past the letters that name the end of their file', async () => {
    const all = texts.flat().flatMap((t) => t.split(' '));
    const ends = (await Promise.all(shards.map(readShardIndex))).flatMap((s) => s.chunks.map((c) => c.to));
    const queries = ends.flatMap((end) => all.find((w) => w.startsWith(end) && w.length > end.length) ?? []);
    expect(queries.length).toBeGreaterThan(2);
    for (const query of queries) {
      const { found, kept } = await search(query);
      expect(kept.length, query).toBeGreaterThan(0);
      expect(kept, query).toEqual(found.filter((url) => holding(query).includes(url)));
    }
  });

  // Pagefind itself misses some pages when a prefix's words span two of its
  // files (it reads one); the check keeps what it finds that matches.
  it('keeps every page found with a word beginning with each letter pair, word and pair of words typed', async () => {
    const queries = [
      ...new Set(
        texts.flat().flatMap((t) =>
          t
            .split(' ')
            .filter((_, i) => i % 7 === 0)
            .map((w) => w.slice(0, 2)),
        ),
      ),
    ].slice(0, 40);
    queries.push(
      ...texts
        .flat()
        .slice(0, 20)
        .map((t) => t.split(' ')[3] ?? ''),
    );
    queries.push(`${texts[0]?.[0]?.split(' ')[0]} ${texts[1]?.[0]?.split(' ')[5]?.slice(0, 3)}`);
    for (const query of queries) {
      const { found, kept } = await search(query);
      const holds = new Set(holding(query));
      expect(kept, query).toEqual(found.filter((url) => holds.has(url)));
    }
  }, 60_000);

  it('keeps the pages with another form of a word typed whole, and not those with other words of its stem', async () => {
    const forms = new Set(ENGLISH.slice(0, 3));
    const electionPages = texts.flatMap((pages, s) =>
      pages.flatMap((text, n) => (text.split(' ').some((w) => forms.has(w)) ? [`/story/${s}-${n}`] : [])),
    );
    const { found, kept } = await search('elections');
    expect(found.length).toBeGreaterThan(electionPages.length);
    expect(kept).toEqual(electionPages.sort());
    // Typed as the start of words, it finds them all.
    expect((await search('elect')).kept).toEqual(holding('elect').sort());
  });

  it('keeps none for a word no page has, though pages have a word it begins with', async () => {
    const present = texts[0]?.[0]?.split(' ')[0] ?? '';
    const absent = `${present}qqq`;
    expect(holding(absent)).toEqual([]);
    const { found, kept } = await search(absent);
    // Pagefind finds the pages with the shorter word, which do not hold what was typed.
    expect(found.length).toBeGreaterThan(0);
    expect(kept).toEqual([]);
  });
});
