// Which results really hold what the reader typed, and where.
//
// Pagefind stems each word of a query and matches every word of the index
// that begins with that stem ("elect" finds election and elected). Two things
// follow that readers see as wrong results (pagefind_web/src/search.rs,
// find_word_extensions and search_term):
// - When no word of an index begins with the stem, it falls back to the
//   longest word of the index that the stem begins with. Each shard is an
//   index of its own, so "attack" found, in every shard without an attack,
//   the stories with "at" (or a French "à"), and marked that word.
// - A word of the query that matches nothing at all is left out of the
//   search, so "council zebra" found every council story.
// And a stem's other words were found for a whole word typed: "election"
// (stem "elect") found a story that says only "electricity".
//
// So a result is kept only if, for every word typed, its text has a word that
// begins with what was typed, or a word with the same stem (Pagefind's exact
// search, which never falls back, says which pages have one), read from the
// index itself (pagefind-index-files.ts). Matches in metadata alone (the
// publication date's digits, the language code) do not count: the reader
// sees no such word. The positions of the words kept are what excerpts mark.
import type { PagefindApi, PagefindResult } from './pagefind-api.ts';
import {
  type ChunkWords,
  type IndexChunk,
  type IndexWords,
  readIndexChunk,
  readShardIndex,
  type ShardIndex,
} from './pagefind-index-files.ts';
import { pagefindTerms } from './query-terms.ts';

/** Page hash (a result's id) → the text positions of the words that match. */
export type Matches = Map<string, Set<number>>;

type Shard = { index: ShardIndex; pageNumbers: Map<string, number>; chunks: Map<string, Promise<ChunkWords>> };

/** Code point order, the order Pagefind's index files are in (UTF-16 order differs above U+FFFF). */
function compare(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d) return d;
  }
  return x.length - y.length;
}

/**
 * Whether a chunk can hold a word from `low` up to the words beginning with
 * `high`. Its metadata names its first and last word cut short, to as many
 * letters as tell it from its neighbours ("coun" for "countries"), so it can
 * hold any word beginning with its `to`.
 */
const mayHold = (chunk: IndexChunk, low: string, high: string) =>
  (compare(chunk.to, low) >= 0 || low.startsWith(chunk.to)) &&
  (compare(chunk.from, high) <= 0 || chunk.from.startsWith(high));

/** The shard's words from `low` to those beginning with `high`, of those beginning with `prefix`. */
async function wordsBetween(shard: Shard, low: string, high: string, prefix: string): Promise<IndexWords> {
  const read = await Promise.all(
    shard.index.chunks
      .filter((chunk) => mayHold(chunk, low, high))
      .map((chunk) => {
        const words = shard.chunks.get(chunk.file) ?? readIndexChunk(chunk);
        shard.chunks.set(chunk.file, words);
        return words;
      }),
  );
  return new Map(read.flatMap((words) => [...words(prefix)]));
}

const commonPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
};

/**
 * The word Pagefind's exact search found: the one at the position it reported
 * on every page it found, of those sharing most letters with the term (a
 * hyphenated word puts "cyberattack", "cyber" and "attack" at one position).
 */
function stemIn(words: IndexWords, term: string, found: ReadonlyMap<number, number>): string | undefined {
  let best: string | undefined;
  for (const [word, pages] of words) {
    if (![...found].every(([page, position]) => pages.get(page)?.includes(position))) continue;
    if (!best || commonPrefix(word, term) > commonPrefix(best, term)) best = word;
  }
  return best;
}

function addPositions(matches: Matches, hash: string, positions: Iterable<number>): void {
  const set = matches.get(hash) ?? new Set<number>();
  for (const p of positions) set.add(p);
  matches.set(hash, set);
}

function addWord(matches: Matches, shard: Shard, words: IndexWords, word: string): void {
  for (const [page, positions] of words.get(word) ?? []) {
    const hash = shard.index.pages[page];
    if (hash) addPositions(matches, hash, positions);
  }
}

/** Stemming keeps a word's first two letters: its stem is among the words that begin with them. */
const stemRoot = (term: string) => Array.from(term).slice(0, 2).join('');

async function termMatches(pagefind: PagefindApi, shards: readonly Shard[], term: string): Promise<Matches> {
  const matches: Matches = new Map();
  const beginning = await Promise.all(shards.map((shard) => wordsBetween(shard, term, term, term)));
  for (const [i, shard] of shards.entries()) {
    const words = beginning[i] ?? new Map();
    for (const word of words.keys()) addWord(matches, shard, words, word);
  }
  // A term that is a word of the index is its own stem; stems of other words
  // (elections → elect) are found by Pagefind's exact search, which reports
  // on each page it finds the first position of the stem's words.
  if (beginning.some((words) => words.has(term))) return matches;
  const exact = (await pagefind.search(`"${term}"`, {}))?.results ?? [];
  await Promise.all(
    shards.map(async (shard) => {
      const found = new Map<number, number>();
      for (const result of exact) {
        const page = shard.pageNumbers.get(result.id);
        const first = result.words[0];
        if (page !== undefined && first !== undefined) found.set(page, first);
      }
      if (found.size === 0) return;
      const root = stemRoot(term);
      const words = await wordsBetween(shard, root, root, root);
      const stem = stemIn(words, term, found);
      if (stem) addWord(matches, shard, words, stem);
      // Not to be expected; then the pages still count, with the one position known.
      else {
        for (const {
          id,
          words: [first],
        } of exact) {
          if (shard.pageNumbers.has(id) && first !== undefined) addPositions(matches, id, [first]);
        }
      }
    }),
  );
  return matches;
}

/**
 * Starts reading the shards' metadata (Pagefind read it when it started, so it
 * comes from the browser's cache while Pagefind searches); the function it
 * returns, called once Pagefind's search has fetched the index files the check
 * reads, gives the pages that match every word of `query`, with the positions
 * to mark: undefined when the query has no word (a search by filters alone).
 */
export function genuineMatches(
  pagefind: PagefindApi,
  shardPaths: readonly string[],
  query: string,
): () => Promise<Matches | undefined> {
  const terms = pagefindTerms(query);
  if (terms.length === 0) return async () => undefined;
  const shards = Promise.all(
    shardPaths.map(async (path): Promise<Shard> => {
      const index = await readShardIndex(path);
      return { index, pageNumbers: new Map(index.pages.map((hash, n) => [hash, n])), chunks: new Map() };
    }),
  );
  // Failures surface when the matches are asked for, not as an unhandled rejection now.
  shards.catch(() => undefined);
  return async () => {
    const read = await shards;
    let all: Matches | undefined;
    for (const term of terms) {
      const matches = await termMatches(pagefind, read, term);
      all = all ? both(all, matches) : matches;
    }
    return all;
  };
}

/** The pages in both, with the positions of either. */
function both(a: Matches, b: Matches): Matches {
  const out: Matches = new Map();
  for (const [page, positions] of a) {
    const more = b.get(page);
    if (more) out.set(page, new Set([...positions, ...more]));
  }
  return out;
}

/**
 * The results in `matches`, each loading with the positions to mark; every
 * result when there is nothing to match.
 */
export function onlyMatching(results: readonly PagefindResult[], matches: Matches | undefined): PagefindResult[] {
  if (!matches) return [...results];
  return results.flatMap((result) => {
    const positions = matches.get(result.id);
    if (!positions) return [];
    const locations = [...positions].sort((a, b) => a - b);
    return [{ id: result.id, words: locations, data: async () => ({ ...(await result.data()), locations }) }];
  });
}
