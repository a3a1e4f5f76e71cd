// Reads the words of one shard's Pagefind index, as Pagefind's own search
// reads them: its metadata (the pages, and which index file holds which range
// of words) and the index files, gzipped CBOR behind a signature. Pagefind's
// browser API says which pages matched but not which words; the search page
// needs the words to drop matches the reader did not ask for
// (genuine-matches.ts). The files are those Pagefind has just fetched for the
// same search, so the browser usually has them already.
//
// The layout is Pagefind 1.6's (pinned in package.json). A file that does not
// fit it fails loudly with its address, never as silently wrong results.
import { CborReader } from './cbor.ts';

/** An index file and the first and last word it holds, in code point order. */
export type IndexChunk = { from: string; to: string; file: string };

export type ShardIndex = {
  /** Page hashes (a result's id) by page number. */
  pages: readonly string[];
  chunks: readonly IndexChunk[];
};

/**
 * Words as the index keys them (lowercased, without diacritics, stemmed), each
 * with its page numbers and the positions of its words in that page's text.
 * A page that has the word only in metadata (the date, the language) has no
 * positions and is left out.
 */
export type IndexWords = Map<string, Map<number, number[]>>;

/** One index file's words, decoded only for the words asked about: a file holds thousands. */
export type ChunkReader = {
  /** The words `wanted` says, with their pages and positions. */
  words: (wanted: (word: string) => boolean) => IndexWords;
  /** The words `wanted` says that are at `position` in `page`. */
  wordsAt: (wanted: (word: string) => boolean, page: number, position: number) => string[];
};

const SIGNATURE = 'pagefind_dcd';

const hasSignature = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length)) === SIGNATURE;

/** A file's CBOR, unzipped and past its signature. */
async function readFile(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Search index file ${url}: HTTP ${response.status}`);
  try {
    let bytes = new Uint8Array(await response.arrayBuffer());
    if (!hasSignature(bytes)) {
      const unzipped = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
      bytes = new Uint8Array(await new Response(unzipped).arrayBuffer());
    }
    if (!hasSignature(bytes)) throw new Error('not a Pagefind file');
    return bytes.subarray(SIGNATURE.length);
  } catch (error) {
    throw new Error(`Search index file ${url}: ${(error as Error).message || String(error)}`);
  }
}

/** Runs `read` over a file's CBOR, naming the file in any error. */
function reading<T>(url: string, bytes: Uint8Array, read: (r: CborReader) => T): T {
  try {
    return read(new CborReader(bytes));
  } catch (error) {
    throw new Error(`Search index file ${url}: ${(error as Error).message}`);
  }
}

/** Skips what is left of an array whose first `read` items were read. */
function skipRest(r: CborReader, length: number, read: number): void {
  for (let i = read; i < length; i++) r.skip();
}

/** The shard's metadata file, named in its pagefind-entry.json (one language: the index is built in one). */
export async function readShardIndex(shard: string): Promise<ShardIndex> {
  const entryUrl = `${shard}pagefind-entry.json`;
  const response = await fetch(entryUrl);
  if (!response.ok) throw new Error(`Search index file ${entryUrl}: HTTP ${response.status}`);
  const entry = (await response.json().catch(() => ({}))) as { languages?: Record<string, { hash?: string }> };
  const languages = Object.values(entry.languages ?? {});
  const hash = languages[0]?.hash;
  if (languages.length !== 1 || !hash) {
    throw new Error(`${entryUrl} lists ${languages.length} languages; the search index is built in one`);
  }
  const url = `${shard}pagefind.${hash}.pf_meta`;
  return reading(url, await readFile(url), (r) => {
    // [generator version, pages, index chunks, filter chunks, sorts, metadata fields]
    const fields = r.arrayLength();
    r.skip();
    const pages = Array.from({ length: r.arrayLength() }, () => {
      // [hash, word count, fragment group]
      const length = r.arrayLength();
      const page = r.text();
      skipRest(r, length, 1);
      return page;
    });
    const chunks = Array.from({ length: r.arrayLength() }, () => {
      const length = r.arrayLength();
      const chunk = { from: r.text(), to: r.text(), file: `${shard}index/${r.text()}.pf_index` };
      skipRest(r, length, 3);
      return chunk;
    });
    skipRest(r, fields, 3);
    return { pages, chunks };
  });
}

type PageVisit = (page: number, positions: number[]) => void;

/**
 * Walks one page list (page numbers and positions delta-coded), handing
 * `visit` the text positions of the pages `want` says; the others are skipped
 * without being decoded.
 */
function walkPages(r: CborReader, want: (page: number) => boolean, visit: PageVisit): void {
  let page = 0;
  for (let pages = r.arrayLength(); pages > 0; pages--) {
    // [page number delta, positions, metadata positions]
    const length = r.arrayLength();
    page += r.integer();
    if (!want(page)) {
      skipRest(r, length, 1);
      continue;
    }
    const positions: number[] = [];
    let position = 0;
    for (let n = r.arrayLength(); n > 0; n--) {
      const delta = r.integer();
      // A negative number sets the weight of the positions after it, the first of which is counted from 0 again.
      position = delta < 0 ? 0 : position + delta;
      if (delta >= 0) positions.push(position);
    }
    if (positions.length) visit(page, positions);
    skipRest(r, length, 2);
  }
}

/**
 * Walks every word of an index file: `visit` gets the pages of those
 * `wanted` says, its spellings with diacritics counted as the word.
 */
function walkWords(
  r: CborReader,
  wanted: (word: string) => boolean,
  want: (page: number) => boolean,
  visit: (word: string, page: number, positions: number[]) => void,
): void {
  r.arrayLength();
  for (let n = r.arrayLength(); n > 0; n--) {
    // [word, pages, spellings with diacritics: [form, pages]]
    const length = r.arrayLength();
    const word = r.text();
    if (!wanted(word)) {
      skipRest(r, length, 1);
      continue;
    }
    const pageVisit: PageVisit = (page, positions) => visit(word, page, positions);
    walkPages(r, want, pageVisit);
    if (length > 2) {
      for (let v = r.arrayLength(); v > 0; v--) {
        const variant = r.arrayLength();
        r.skip();
        walkPages(r, want, pageVisit);
        skipRest(r, variant, 2);
      }
    }
    skipRest(r, length, 3);
  }
}

/** One index file, read once and decoded as asked. */
export async function readIndexChunk(chunk: IndexChunk): Promise<ChunkReader> {
  const bytes = await readFile(chunk.file);
  return {
    words: (wanted) =>
      reading(chunk.file, bytes, (r) => {
        const words: IndexWords = new Map();
        walkWords(
          r,
          wanted,
          () => true,
          (word, page, positions) => {
            const pages = words.get(word) ?? new Map<number, number[]>();
            pages.set(page, [...(pages.get(page) ?? []), ...positions]);
            words.set(word, pages);
          },
        );
        return words;
      }),
    wordsAt: (wanted, page, position) =>
      reading(chunk.file, bytes, (r) => {
        const found = new Set<string>();
        walkWords(
          r,
          wanted,
          (p) => p === page,
          (word, _, positions) => {
            if (positions.includes(position)) found.add(word);
          },
        );
        return [...found];
      }),
  };
}
