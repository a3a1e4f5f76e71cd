// A result's excerpt: a stretch of the story's indexed text around the words
// that match what the reader typed, those words marked. Pagefind makes one
// too, but it marks every word its search matched, including those the
// search page leaves out (genuine-matches.ts), so the page makes its own from
// the same text and the positions it keeps.
import { MARK_END, MARK_START } from '../unspaced-words.ts';

/** Words an excerpt shows. */
export const EXCERPT_WORDS = 24;

/** Pagefind counts positions in the text split where it splits it: at whitespace, but not U+FEFF. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/;

/**
 * The first word shown: the start of the text when every match is in its first
 * EXCERPT_WORDS words, else the stretch holding most matches, with the middle
 * one of equally good stretches in a row so that words surround the matches.
 */
function excerptStart(positions: readonly number[], words: number): number {
  const sorted = [...positions].sort((a, b) => a - b);
  const last = sorted.at(-1);
  if (last === undefined || last < EXCERPT_WORDS || words <= EXCERPT_WORDS) return 0;
  let most = 0;
  let run: number[] = [];
  for (let start = Math.max(0, (sorted[0] ?? 0) - EXCERPT_WORDS + 1); start <= words - EXCERPT_WORDS; start++) {
    const held = sorted.filter((p) => p >= start && p < start + EXCERPT_WORDS).length;
    if (held > most) {
      most = held;
      run = [start];
    } else if (held === most && run.at(-1) === start - 1) {
      run.push(start);
    }
  }
  return run[Math.floor(run.length / 2)] ?? 0;
}

/** The excerpt's text, each matched word between MARK_START and MARK_END. */
export function markedExcerpt(content: string, positions: readonly number[]): string {
  const words = content.split(WORD_SEPARATORS);
  const marked = new Set(positions);
  const start = excerptStart(positions, words.length);
  return words
    .slice(start, start + EXCERPT_WORDS)
    .map((word, i) => (marked.has(start + i) ? `${MARK_START}${word}${MARK_END}` : word))
    .join(' ')
    .trim();
}
