import { describe, expect, it } from 'vitest';
import { INDEXED_BODY_CHARS, searchOpening } from '../../../../site/lib/search/search-opening.ts';

// What the opening means, computed the slow way: collapse everything, then cut at a word.
function slowOpening(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= INDEXED_BODY_CHARS) return flat;
  const cut = flat.lastIndexOf(' ', INDEXED_BODY_CHARS);
  return flat.slice(0, cut > 0 ? cut : INDEXED_BODY_CHARS);
}

describe('searchOpening', () => {
  it('keeps a short body whole, its paragraphs joined by single spaces', () => {
    expect(searchOpening('Tehran says the attacks will fail.\n\nVarious measures follow.')).toBe(
      'Tehran says the attacks will fail. Various measures follow.',
    );
  });

  it('cuts a long body at a word boundary within the indexed length', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
    const opening = searchOpening(words.join(' '));
    expect(opening.length).toBeLessThanOrEqual(INDEXED_BODY_CHARS);
    expect(opening.length).toBeGreaterThan(INDEXED_BODY_CHARS - 10);
    expect(words.join(' ').startsWith(opening)).toBe(true);
    expect(opening.endsWith(' ')).toBe(false);
  });

  it('is the opening of the whole text however its whitespace is spread', () => {
    const words = Array.from({ length: 900 }, (_, i) => `word${i}`);
    for (const text of [
      words.join('\n\n'),
      `${' '.repeat(3000)}${words.join(' ')}`,
      words.slice(0, 60).join(' '.repeat(50)),
      'x'.repeat(5000),
    ])
      expect(searchOpening(text)).toBe(slowOpening(text));
  });
});
