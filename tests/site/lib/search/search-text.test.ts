import { describe, expect, it } from 'vitest';
import { searchText } from '../../../../site/lib/search/search-text.ts';

describe('searchText', () => {
  it('keeps the body whole, its paragraphs joined by single spaces', () => {
    expect(searchText('Tehran says the attacks will fail.\n\n  Various measures follow.\n')).toBe(
      'Tehran says the attacks will fail. Various measures follow.',
    );
  });

  it('keeps the last words of a long body, where a reader may remember a name from', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `word${i}`);
    const text = searchText(words.join('\n\n'));
    expect(text).toBe(words.join(' '));
    expect(text.endsWith('word1999')).toBe(true);
  });
});
