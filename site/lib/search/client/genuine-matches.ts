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
import type { LoadableResult, PagefindApi, PagefindResult } from './pagefind-api.ts';
import type { ChunkReader, IndexWords } from './pagefind-index-files.ts';
import { pagefindTerms } from './query-terms.ts';
import { chunksBetween, readShard, type Shard, wordsIn } from './shard-words.ts';

/**
 * Page hash (a result's id) → the text positions of the words that match, as
 * the lists the index holds them in: a common word has thousands of pages, and
 * only the few shown need their positions gathered.
 */
export type Matches = Map<string, (readonly number[])[]>;

const commonPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
};

/**
 * The word Pagefind's exact search found on a page: the one at the position it
 * reported, of those sharing most letters with the term (a hyphenated word
 * puts "cyberattack", "cyber" and "attack" at one position). Only the words at
 * that position are decoded: the stem's neighbours include the commonest words
 * ("at" beside "attack"), with every page of the shard.
 */
function stemAt(chunks: readonly ChunkReader[], root: string, term: string, page: number, position: number) {
  let best: string | undefined;
  for (const word of chunks.flatMap((chunk) => chunk.wordsAt((w) => w.startsWith(root), page, position))) {
    if (!best || commonPrefix(word, term) > commonPrefix(best, term)) best = word;
  }
  return best;
}

function addPositions(matches: Matches, hash: string, positions: readonly number[]): void {
  const lists = matches.get(hash);
  if (lists) lists.push(positions);
  else matches.set(hash, [positions]);
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
  const beginning = await Promise.all(
    shards.map(async (shard) => wordsIn(await chunksBetween(shard, term, term), (w) => w.startsWith(term))),
  );
  for (const [i, shard] of shards.entries()) {
    const words = beginning[i] ?? new Map();
    for (const word of words.keys()) addWord(matches, shard, words, word);
  }
  // A term that is a word of the index is its own stem; stems of other words
  // (elections → elect) are found by Pagefind's exact search, which reports
  // on each page it finds the first position of the stem's words.
  if (beginning.some((words) => words.has(term))) return matches;
  const root = stemRoot(term);
  const [exact, near] = await Promise.all([
    pagefind.search(`"${term}"`, {}).then((found) => found?.results ?? []),
    Promise.all(shards.map((shard) => chunksBetween(shard, root, root))),
  ]);
  for (const [i, shard] of shards.entries()) {
    let first: [number, number] | undefined;
    for (const {
      id,
      words: [position],
    } of exact) {
      const page = shard.pageNumbers.get(id);
      if (page === undefined || position === undefined) continue;
      first ??= [page, position];
      // The page counts even if its stem's other positions are not found.
      addPositions(matches, id, [position]);
    }
    if (!first) continue;
    const chunks = near[i] ?? [];
    const stem = stemAt(chunks, root, term, ...first);
    if (stem)
      addWord(
        matches,
        shard,
        wordsIn(chunks, (w) => w === stem),
        stem,
      );
  }
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
  const shards = Promise.all(shardPaths.map(readShard));
  // Failures surface when the matches are asked for, not as an unhandled rejection now.
  shards.catch(() => undefined);
  return async () => {
    const read = await shards;
    let all: Matches | undefined;
    for (const term of terms) {
      const matches = await termMatches(pagefind, read, term);
      all = all ? both(all, matches) : matches;
      if (all.size === 0) break;
    }
    return all;
  };
}

/** The pages in both, with the positions of either. */
function both(a: Matches, b: Matches): Matches {
  const out: Matches = new Map();
  for (const [page, positions] of a) {
    const more = b.get(page);
    if (more) out.set(page, [...positions, ...more]);
  }
  return out;
}

/**
 * The results in `matches`, each loading with the positions to mark; every
 * result when there is nothing to match.
 */
export function onlyMatching(results: readonly PagefindResult[], matches: Matches | undefined): LoadableResult[] {
  if (!matches) return [...results];
  return results.flatMap((result) => {
    const lists = matches.get(result.id);
    if (!lists) return [];
    return [
      {
        data: async () => {
          const locations = [...new Set(lists.flat())].sort((a, b) => a - b);
          return { ...(await result.data()), locations };
        },
      },
    ];
  });
}
