// The number of words in running text: runs of characters between
// whitespace, as `text.split(/\s+/).filter(Boolean).length` counts them.
// Counted in place because splitting a 10k-story first build's bodies into
// word arrays allocated 240 MB on the build's busiest thread, all garbage.
//
// Chinese and Japanese put no spaces between words, so a whole paragraph
// would count as one word (a 600-character story as 9, in its NewsArticle's
// wordCount). Each Han, Hiragana or Katakana character counts as a word, as
// word processors count them, and their punctuation (、。「」) separates.

/** Whether a UTF-16 code unit is whitespace as a regular expression's `\s` means it. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const OWN_WORD = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;
const PUNCTUATION = /\p{P}/u;

/**
 * Whether a UTF-16 code unit may start a Chinese or Japanese character: the
 * CJK blocks from radicals to ideographs, compatibility ideographs, fullwidth
 * forms, and the high surrogates of planes 2 and 3 (rarer ideographs). The
 * regular expressions above then decide, only for these.
 */
function mayBeCjk(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0xd840 && code <= 0xd8bf)
  );
}

export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  // After a Chinese or Japanese character, punctuation from any block (the
  // “” Chinese quotes with) is a separator too, not a word of its own.
  let afterCjk = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (mayBeCjk(code) || afterCjk) {
      const character = String.fromCodePoint(text.codePointAt(i) ?? code);
      // Punctuation first: 、 and 。 are of the Han script's extensions too.
      const punctuation = PUNCTUATION.test(character);
      const ownWord = !punctuation && mayBeCjk(code) && OWN_WORD.test(character);
      if (ownWord || punctuation) {
        i += character.length - 1;
        if (ownWord) words++;
        inWord = false;
        afterCjk = true;
        continue;
      }
      afterCjk = false;
    }
    const space = isSpace(code);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
