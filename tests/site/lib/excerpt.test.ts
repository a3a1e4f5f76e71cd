import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../site/lib/excerpt.ts';

describe('excerpt', () => {
  it('keeps short text whole, with whitespace collapsed', () => {
    expect(excerpt('One  line\n\nand another.')).toBe('One line and another.');
  });
  it('cuts long text at a word boundary and marks the cut', () => {
    const out = excerpt('alpha beta gamma delta epsilon zeta', 20);
    expect(out).toBe('alpha beta gamma…');
    expect(out.length).toBeLessThanOrEqual(20);
  });
  it('never ends on dangling punctuation before the ellipsis', () => {
    expect(excerpt('words, more words, and yet more words here', 20)).toBe('words, more words…');
  });
  it('gives a long story the excerpt of its whole text, however its whitespace is spread', () => {
    // What excerpt means, computed the slow way: collapse everything, then cut.
    const wholeText = (text: string, max = 160) => {
      const flat = text.replace(/\s+/g, ' ').trim();
      if (flat.length <= max) return flat;
      const cut = flat.slice(0, max - 1);
      return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), Math.floor(max / 2))).replace(/[\s,;:.–—-]+$/, '')}…`;
    };
    const words = Array.from({ length: 900 }, (_, i) => `word${i}`);
    const texts = [
      words.join(' '),
      `${' '.repeat(1000)}${words.join(' ')}`,
      words.join('\n\n\t   '),
      words.slice(0, 30).join(' '.repeat(40)),
      `${'x'.repeat(319)} ${words.join(' ')}`,
      `${words.slice(0, 40).join(' ')}${' '.repeat(500)}`,
    ];
    for (const text of texts) {
      for (const max of [20, 160]) expect(excerpt(text, max)).toBe(wholeText(text, max));
    }
  });
});
