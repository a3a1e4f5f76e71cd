// A search result's excerpt marks the words the search page kept as matches,
// and no others, in a stretch of the text that shows them with words around.
import { describe, expect, it } from 'vitest';
import { EXCERPT_WORDS, markedExcerpt } from '../../../../site/lib/search/client/excerpt.ts';
import { MARK_END, MARK_START } from '../../../../site/lib/search/unspaced-words.ts';

/** `w0 w1 … w{n-1}`, with positions counted as the index counts them. */
const text = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' \n');
const shown = (excerpt: string) => excerpt.replaceAll(MARK_START, '[').replaceAll(MARK_END, ']').split(' ');

describe('a result’s excerpt', () => {
  it('starts with the text when the matches are in its first words, and marks only them', () => {
    const words = shown(markedExcerpt(text(100), [3, 20]));
    expect(words).toHaveLength(EXCERPT_WORDS);
    expect(words[0]).toBe('w0');
    expect(words.filter((w) => w.startsWith('['))).toEqual(['[w3]', '[w20]']);
  });

  it('shows a match far into the text with words on both sides', () => {
    const words = shown(markedExcerpt(text(100), [60]));
    const at = words.indexOf('[w60]');
    expect(at).toBeGreaterThan(5);
    expect(at).toBeLessThan(EXCERPT_WORDS - 5);
  });

  it('chooses the stretch with most matches', () => {
    const words = shown(markedExcerpt(text(200), [30, 120, 125, 130]));
    expect(words.filter((w) => w.startsWith('['))).toEqual(['[w120]', '[w125]', '[w130]']);
  });

  it('shows the whole of a short text', () => {
    expect(shown(markedExcerpt(text(5), [4]))).toEqual(['w0', 'w1', 'w2', 'w3', '[w4]']);
  });
});
