// Where running text may be cut without breaking what a reader sees as one
// character. A cut by UTF-16 index can fall inside an emoji's surrogate pair
// (a lone surrogate, which a page's UTF-8 turns into "�"), between a flag's
// two regional indicators, inside a family joined by ZWJ, or between a letter
// and its combining accent. Grapheme clusters (UAX #29) are those characters.

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The last grapheme-cluster boundary at or before `index`: where `text.slice(0, index)` may safely end. */
export function graphemeBoundary(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  return graphemes.segment(text).containing(index)?.index ?? index;
}
