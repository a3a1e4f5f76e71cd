// The body's words as the search index holds them: all of them, so that a
// reader who remembers a name or a place from the fifth paragraph finds the
// story (the seed story names Stuxnet only near its end). Worked out when the
// body is rendered and kept with it (story-store.ts), so the indexer reads
// plain text per story instead of reading the body's HTML back and stripping
// its tags.
//
// Until 2026-12-07 only the first 1,000 characters were indexed, to keep a
// single indexer process under 1.7 GB at 10k stories. The index is now built
// one shard at a time (search-index.ts), and whole bodies measured 12.2
// CPU-seconds of Pagefind against 7.1, in its own process on the second core.
import { collapseWhitespace } from '../excerpt.ts';

/** The body's plain text (toPlainText) with its paragraphs joined by single spaces. */
export function searchText(plainText: string): string {
  return collapseWhitespace(plainText);
}
