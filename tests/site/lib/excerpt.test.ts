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
});
