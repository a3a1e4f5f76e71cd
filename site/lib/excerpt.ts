import { graphemeBoundary } from './grapheme-boundary.ts';

/**
 * A meta description from running text: whitespace collapsed, cut at a word
 * boundary near `max` characters, with an ellipsis when anything was cut.
 * Text with no space near the end (Chinese, Japanese, a run of emoji) is cut
 * between two characters as readers see them, never inside one.
 */
export function excerpt(text: string, max = 160): string {
  const flat = collapsedStart(text, max);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, graphemeBoundary(flat, max - 1));
  const atWord = cut.slice(0, graphemeBoundary(cut, Math.max(cut.lastIndexOf(' '), Math.floor(max / 2))));
  return `${atWord.replace(/[\s,;:.–—-]+$/, '')}…`;
}

const PREFIX = 2;

/** The text with every run of whitespace made one space, and none at either end. */
export const collapseWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The text with whitespace collapsed, at least its first `max` + 1 characters
 * of it (all of it when shorter): what an excerpt or an opening is cut from.
 */
export function collapsedStart(text: string, max: number): string {
  // Only the start can end up in the cut, so a prefix surely long enough is
  // collapsed rather than the whole text (thousands of characters, 10k times
  // in a large build). Whitespace-heavy text whose prefix collapses to too
  // little falls back to the whole.
  const prefix = text.length > PREFIX * max ? collapseWhitespace(text.slice(0, PREFIX * max)) : undefined;
  return prefix !== undefined && prefix.length > max ? prefix : collapseWhitespace(text);
}
