// How much of a story's body the search index holds: the opening paragraphs,
// which say who, what and where. Worked out when the body is rendered and kept
// with it (story-store.ts), so the indexer reads a thousand characters per
// story instead of reading the whole body's HTML back and stripping its tags.
import { collapsedStart } from '../excerpt.ts';
import { graphemeBoundary } from '../grapheme-boundary.ts';

/**
 * Measured at 10k stories, indexing whole bodies took Pagefind 12.5
 * CPU-seconds and 1.7 GB; the first 1,000 characters, 5 s and 0.8 GB.
 */
export const INDEXED_BODY_CHARS = 1000;

/**
 * The body's plain text (toPlainText) cut to what is indexed, at a word
 * boundary; text with no space to cut at (Chinese, Japanese) between two
 * characters as readers see them, never inside one (grapheme-boundary.ts).
 */
export function searchOpening(plainText: string): string {
  const text = collapsedStart(plainText, INDEXED_BODY_CHARS);
  if (text.length <= INDEXED_BODY_CHARS) return text;
  const cut = text.lastIndexOf(' ', INDEXED_BODY_CHARS);
  return text.slice(0, cut > 0 ? cut : graphemeBoundary(text, INDEXED_BODY_CHARS));
}
