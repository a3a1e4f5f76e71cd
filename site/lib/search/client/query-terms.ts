// A reader's query as the words Pagefind looks up, worked out the way its
// browser script does before it hands them to the index: punctuation dropped,
// lowercased, diacritics taken off (except the Japanese sound marks ゛ and ゜,
// which make a different letter), split at spaces. The index keys its words
// the same way (and then stems them), so a word of the index begins with what
// the reader typed exactly when it begins with one of these terms.

/** Dash, open, close, initial, final and other punctuation: what Pagefind takes out of a query. */
const PUNCTUATION = /[\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}]/gu;

/** Combining marks, but not the Japanese voiced and semi-voiced sound marks. */
const DIACRITIC = /(?![\u3099\u309a])\p{M}/gu;
const KANA_SOUND_MARK = /[\u3099\u309a]/;

function withoutDiacritics(word: string): string {
  const stripped = word.normalize('NFD').replace(DIACRITIC, '');
  return KANA_SOUND_MARK.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/**
 * The terms of `query`. Letters are lowercased one by one, as the index does
 * (a whole-word lowercasing would end a Greek word in ς where the index has σ).
 */
export function pagefindTerms(query: string): string[] {
  const lower = Array.from(query.replace(PUNCTUATION, ''), (c) => c.toLowerCase()).join('');
  return lower
    .split(/\s+/)
    .map(withoutDiacritics)
    .filter((term) => term.length > 0);
}
