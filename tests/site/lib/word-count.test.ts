import { describe, expect, it } from 'vitest';
import { countWords } from '../../../site/lib/word-count.ts';

const bySplitting = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['one', 1],
    [' Tehran says “soft war” will fail. ', 6],
    ['line\nbreaks\tand\r\ntabs', 4],
    ['no\u00a0break and\u2009thin\u3000ideographic\ufeffmarks', 6],
    ['hyphen-ated em—dash', 2],
  ])('counts %j as %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
    expect(countWords(text)).toBe(bySplitting(text));
  });

  it('agrees with splitting on every kind of whitespace, in any mix', () => {
    // Every code unit \s matches, and some that it does not (letters, a zero-width space, punctuation).
    const spaces = [...Array(0x10000).keys()].map((c) => String.fromCharCode(c)).filter((c) => /\s/.test(c));
    const others = ['a', 'é', '\u200b', '—', '.', '\u00ad', '😀'];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 500; round++) {
      let text = '';
      for (let i = random(40); i > 0; i--) {
        const pool = random(2) ? spaces : others;
        text += pool[random(pool.length)];
      }
      expect(countWords(text), JSON.stringify(text)).toBe(bySplitting(text));
    }
    expect(spaces.length).toBeGreaterThan(20);
  });

  it('splits words at each code unit that \\s matches, and only there, outside the Chinese and Japanese blocks', () => {
    const cjkBlocks = [
      [0x2e80, 0x9fff],
      [0xf900, 0xfaff],
      [0xff00, 0xffef],
      [0xd840, 0xd8bf],
    ];
    for (let code = 0; code < 0x10000; code++) {
      if (cjkBlocks.some(([from = 0, to = 0]) => code >= from && code <= to)) continue;
      const c = String.fromCharCode(code);
      expect(countWords(`a${c}b`), `U+${code.toString(16)}`).toBe(/\s/.test(c) ? 2 : 1);
    }
  });

  it.each([
    ['中华人民共和国国家互联网信息办公室周二发布了新的网络安全法规。', 30],
    ['东京发生地震，“没有人受伤”。', 11],
    ['東京で地震があった。', 9],
    ['「コーヒー」を飲む', 7],
    ['𠮷野家', 3],
    ['报道称 Tehran 将会', 6],
    ['ＡＢＣ　ｄｅｆ', 2],
    ['한국 서울', 2],
  ])('counts each Chinese or Japanese character of %j as a word: %i', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});
