// A search index shard as the match check reads it: its pages, and its index
// files, each fetched and unzipped once per search and decoded only for the
// range of words asked about (pagefind-index-files.ts).
import {
  type ChunkReader,
  type IndexChunk,
  type IndexWords,
  readIndexChunk,
  readShardIndex,
  type ShardIndex,
} from './pagefind-index-files.ts';

export type Shard = { index: ShardIndex; pageNumbers: Map<string, number>; chunks: Map<string, Promise<ChunkReader>> };

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

/** The shard's index files that can hold words from `low` to those beginning with `high`, each read once. */
export function chunksBetween(shard: Shard, low: string, high: string): Promise<ChunkReader[]> {
  return Promise.all(
    shard.index.chunks
      .filter((chunk) => mayHold(chunk, low, high))
      .map((chunk) => {
        const reader = shard.chunks.get(chunk.file) ?? readIndexChunk(chunk);
        shard.chunks.set(chunk.file, reader);
        return reader;
      }),
  );
}

export const wordsIn = (chunks: readonly ChunkReader[], wanted: (word: string) => boolean): IndexWords =>
  new Map(chunks.flatMap((chunk) => [...chunk.words(wanted)]));

/** The shard published at `path` (/pagefind/3/), its metadata read. */
export async function readShard(path: string): Promise<Shard> {
  const index = await readShardIndex(path);
  return { index, pageNumbers: new Map(index.pages.map((hash, n) => [hash, n])), chunks: new Map() };
}
