// Chinese, Japanese and Thai put no spaces between words. The search index
// splits text into words at spaces, so a Chinese story was one "word" per
// sentence, and a reader searching for 法规 or 安全, words of its headline,
// found nothing. Runs of those scripts are split into words with
// Intl.Segmenter (ICU's dictionaries, in Node, where the index is built, and
// in the browser, where the query is) and spaced, on both sides. Excerpts come
// from the spaced text, with every run of whitespace made one space, so the
// spaces between two Chinese or Japanese characters come out again before an
// excerpt is shown. Thai separates phrases with spaces, so its stay.

const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]+/gu;

/** Chinese and Japanese letters, and the full-width punctuation they are written with (。、「」！). */
const CJ = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff00-\\uffef';

let segmenter: Intl.Segmenter | undefined;

/** `text` with each run of an unspaced script split into its words, spaces around each. */
export function spacedWords(text: string): string {
  return text.replace(UNSPACED_RUN, (run) => {
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    return ` ${Array.from(segmenter.segment(run), (s) => s.segment).join(' ')} `;
  });
}

/** A reader's query split as the index was, into words the search looks for all of. */
export const queryWords = (query: string): string => spacedWords(query).replace(/\s+/g, ' ').trim();

const ENDS_IN_CJ_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

/**
 * One part of a record's text (headline, dek, opening…), for the index. A
 * part ending in a Chinese or Japanese letter gets a full stop: the spaces
 * between parts come out of an excerpt with the others, and a headline would
 * otherwise run into the body after it.
 */
export const indexedPart = (part: string): string => spacedWords(ENDS_IN_CJ_LETTER.test(part) ? `${part}。` : part);

/** U+0001 and U+0002 mark where a matched word starts and ends in an excerpt (the loader removes control characters from content). */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

const CJ_SPACE = new RegExp(`(?<=[${CJ}][${MARK_START}${MARK_END}]*) +(?=[${MARK_START}${MARK_END}]*[${CJ}])`, 'gu');

/** Excerpt text as the story wrote it: no spaces between Chinese or Japanese characters, across a mark's edges too. */
export const withoutWordSpaces = (text: string): string => text.replace(CJ_SPACE, '');
