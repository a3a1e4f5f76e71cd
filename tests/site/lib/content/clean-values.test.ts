import { describe, expect, it } from 'vitest';
import { type Cleaning, cleanValues } from '../../../../site/lib/content/clean-values.ts';
import { controlCharacterPaths } from '../../../../site/lib/content/control-characters.ts';

describe('cleanValues', () => {
  it('drops null keys and null array items (dangling references) but keeps falsy values', () => {
    expect(cleanValues({ a: null, b: [null, { c: null, d: 0 }], e: false, f: '' })).toEqual({
      b: [{ d: 0 }],
      e: false,
      f: '',
    });
  });

  it.each([
    ['a vertical tab becomes a space', 'Harbour\u000BLevy', 'Harbour Levy'],
    ['a form feed becomes a space', 'page one\u000Cpage two', 'page one page two'],
    ['a bell is removed', 'Breaking\u0007 news', 'Breaking news'],
    ['a start of heading is removed', '\u0001Headline', 'Headline'],
    ['a NUL and a DEL are removed', 'a\u0000b\u007Fc', 'abc'],
    ['Word punctuation read as Latin-1 is put back', 'it\u0092s \u0093so\u0094 \u0096 done\u0085', 'it’s “so” – done…'],
    ['a C1 code Windows-1252 leaves unused is removed', 'a\u0081b\u009Dc', 'abc'],
    ['a noncharacter is removed', 'a\uFFFEb\uFDD0c', 'abc'],
  ])('%s, in every string of the document', (_name, text, printed) => {
    const cleaning: Cleaning = { controlCharacters: false };
    expect(cleanValues({ headline: text, body: [{ children: [{ text }] }] }, cleaning)).toEqual({
      headline: printed,
      body: [{ children: [{ text: printed }] }],
    });
    expect(cleaning.controlCharacters).toBe(true);
  });

  it('changes nothing else: tabs, line breaks, other scripts, emoji and lone surrogates stay', () => {
    const text = 'Col\tumn\nline\r\nnext \u00A0 Ünïcödé 日本 👩‍💻 \uD800 “quotes” \uFFFD';
    const cleaning: Cleaning = { controlCharacters: false };
    expect(cleanValues({ text }, cleaning)).toEqual({ text });
    expect(cleaning.controlCharacters).toBe(false);
  });
});

describe('controlCharacterPaths', () => {
  it('names each field that holds one, by _key where the item has one', () => {
    const doc = {
      headline: 'A\u000Bb',
      dek: 'fine',
      body: [
        {
          _key: 'p1',
          children: [
            { _key: 's1', text: 'ok' },
            { _key: 's2', text: '\u0007' },
          ],
        },
      ],
    };
    expect(controlCharacterPaths(doc)).toEqual(['headline', 'body[_key=="p1"].children[_key=="s2"].text']);
  });
});
