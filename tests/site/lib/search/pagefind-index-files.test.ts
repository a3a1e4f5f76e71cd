// The search page reads Pagefind's index files itself, to know which words a
// search matched (genuine-matches.ts). Here the files are written by the real
// Pagefind, as the build writes them, and read over HTTP as the page reads
// them: a Pagefind that lays its files out differently fails here first.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../../../../scripts/edge/static-server.ts';
import {
  type IndexWords,
  readIndexChunk,
  readShardIndex,
  type ShardIndex,
} from '../../../../site/lib/search/client/pagefind-index-files.ts';
import { pagefindTerms } from '../../../../site/lib/search/client/query-terms.ts';

const root = mkdtempSync(join(tmpdir(), 'pagefind-files-test-'));
let server: StaticServer;
let shard: ShardIndex;
let words: IndexWords;

/** Each text under a word only it has. */
const TEXTS = {
  noon: 'Harbour council votes at noon',
  les: 'Les élections municipales à Paris',
  met: 'The council met at the harbour',
};
const RECORDS = Object.values(TEXTS).map((content, n) => ({
  url: `/story/${n}`,
  content,
  language: 'en',
  meta: { title: content, date: `2026-12-0${n + 1}T09:49:00Z` },
}));

beforeAll(async () => {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error('Pagefind did not start');
  for (const record of RECORDS) await index.addCustomRecord(record);
  await index.writeFiles({ outputPath: join(root, 'shard') });
  await pagefind.close();
  writeFileSync(join(root, 'not-pagefind.pf_index'), 'plain text');
  // Pagefind's signature, then text where the list of words should be.
  writeFileSync(
    join(root, 'broken.pf_index'),
    gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from('ax')])),
  );
  server = await startStaticServer({ root: () => root });
  shard = await readShardIndex(`${server.url}/shard/`);
  words = new Map();
  for (const chunk of shard.chunks)
    for (const [word, pages] of (await readIndexChunk(chunk)).words(() => true)) words.set(word, pages);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** Where `word` is: each text that has it (named by its own word) → positions. */
function where(word: string): Record<string, number[]> {
  const found: Record<string, number[]> = {};
  for (const [page, positions] of words.get(word) ?? []) {
    const text = Object.keys(TEXTS).find((only) => words.get(only)?.has(page));
    found[text ?? `page ${page}`] = positions;
  }
  return found;
}

describe('reading a Pagefind index', () => {
  it('lists a page per record, and the files that hold its words', () => {
    expect(shard.pages).toHaveLength(RECORDS.length);
    expect(new Set(shard.pages).size).toBe(RECORDS.length);
    expect(shard.chunks.length).toBeGreaterThan(0);
    for (const chunk of shard.chunks) expect(chunk.file).toMatch(/\/shard\/index\/[^/]+\.pf_index$/);
  });

  it('gives each word, stemmed as the index keys it, the positions of its words in each text', () => {
    expect(where('harbour')).toEqual({ noon: [0], met: [5] });
    expect(where('council')).toEqual({ noon: [1], met: [1] });
    expect(where('vote')).toEqual({ noon: [2] });
    // Spelled with accents in the text, the word is keyed without them.
    expect(where('elect')).toEqual({ les: [1] });
    expect(where('a')).toEqual({ les: [3] });
  });

  it('decodes only the words that begin with what is asked for', async () => {
    const read = await Promise.all(shard.chunks.map(readIndexChunk));
    expect(read.flatMap((chunk) => [...chunk.words((w) => w.startsWith('har')).keys()])).toEqual(['harbour']);
  });

  it('names the words at a position of a page', async () => {
    const [page] = words.get('noon')?.keys() ?? [];
    const read = await Promise.all(shard.chunks.map(readIndexChunk));
    expect(read.flatMap((chunk) => chunk.wordsAt(() => true, page ?? -1, 2))).toEqual(['vote']);
    expect(read.flatMap((chunk) => chunk.wordsAt((w) => w.startsWith('h'), page ?? -1, 0))).toEqual(['harbour']);
  });

  it('leaves out words only the metadata has: the date is no word of the text', () => {
    expect(words.has('49')).toBe(false);
    expect(words.has('2026')).toBe(false);
  });

  it('spells a query’s terms as the index spells its words', () => {
    expect(pagefindTerms('Les ÉLECTIONS, à Paris!')).toEqual(['les', 'elections', 'a', 'paris']);
    expect(pagefindTerms('cyber-attacks “soft”')).toEqual(['cyberattacks', 'soft']);
    expect(pagefindTerms('ΟΔΟΣ')).toEqual(['οδοσ']);
    // Thai vowel and tone marks come off, as they do in the index; Japanese sound marks stay.
    expect(pagefindTerms('น้ำ ガス')).toEqual(['นำ', 'ガス']);
  });

  it('names the file it cannot read', async () => {
    const file = `${server.url}/not-pagefind.pf_index`;
    await expect(readIndexChunk({ from: 'a', to: 'z', file })).rejects.toThrow(file);
    await expect(readShardIndex(`${server.url}/nowhere/`)).rejects.toThrow(
      `${server.url}/nowhere/pagefind-entry.json: HTTP 404`,
    );
    const chunk = await readIndexChunk({ from: 'a', to: 'z', file: `${server.url}/broken.pf_index` });
    expect(() => chunk.words(() => true)).toThrow(/broken\.pf_index: CBOR: a list expected at byte 0/);
  });
});
