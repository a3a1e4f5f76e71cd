// Chinese, Japanese and Thai put no spaces between words. The search index
// splits text into words at spaces, so a Chinese story was one "word" per
// sentence, and a reader searching for 法规 or 安全, words of its headline,
// found nothing. Runs of those scripts are split into words with
// Intl.Segmenter (ICU's dictionaries, in Node, where the index is built, and
// in the browser, where the query is) and spaced, on both sides. Excerpts come
// from the spaced text, with every run of whitespace made one space, so the
// spaces put between two Chinese, Japanese or Thai letters come out again
// before an excerpt is shown.
//
// Thai does put spaces between phrases, and the index keeps no difference
// between those and the spaces put between words. So in the indexed text the
// last word of a Thai phrase carries an invisible WORD JOINER (U+2060): the
// index drops it from the word it looks up (it is not a letter), but keeps it
// in the text excerpts are cut from, where it tells a space the story had
// from one put there.

/** A run of Chinese or Japanese letters, or of Thai phrases with the spaces between them. */
const UNSPACED_RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|\p{Script=Thai}+(?:\s+\p{Script=Thai}+)*/gu;

/** Chinese and Japanese letters, and the full-width punctuation they are written with (。、「」！). */
const CJ = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff00-\\uffef';

/** Ends a Thai phrase in the indexed text: the space after it is the story's own. */
export const THAI_PHRASE_END = '\u2060';

let segmenter: Intl.Segmenter | undefined;

function words(phrase: string): string {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return Array.from(segmenter.segment(phrase), (s) => s.segment).join(' ');
}

/**
 * `text` with each run of an unspaced script split into its words, spaces
 * around each; `phraseEnd` is put at the end of each Thai phrase followed by
 * another (the index's text gets THAI_PHRASE_END, a reader's query nothing).
 */
export function spacedWords(text: string, phraseEnd = ''): string {
  return text.replace(UNSPACED_RUN, (run) => ` ${run.split(/\s+/).map(words).join(`${phraseEnd} `)} `);
}

/** A reader's query split as the index was, into words the search looks for all of. */
export const queryWords = (query: string): string => spacedWords(query).replace(/\s+/g, ' ').trim();

const ENDS_IN_CJ_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const ENDS_IN_THAI_LETTER = /\p{Script=Thai}$/u;

/**
 * One part of a record's text (headline, dek, body…), for the index. A
 * part ending in a Chinese or Japanese letter gets a full stop: the spaces
 * between parts come out of an excerpt with the others, and a headline would
 * otherwise run into the body after it. One ending in a Thai letter ends a
 * phrase, so the space after it stays.
 */
export function indexedPart(part: string): string {
  if (ENDS_IN_CJ_LETTER.test(part)) return spacedWords(`${part}。`, THAI_PHRASE_END);
  const spaced = spacedWords(part, THAI_PHRASE_END);
  return ENDS_IN_THAI_LETTER.test(part) ? `${spaced.trimEnd()}${THAI_PHRASE_END}` : spaced;
}

/** U+0001 and U+0002 mark where a matched word starts and ends in an excerpt (the loader removes control characters from content). */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/** Letters the index put spaces between: Chinese, Japanese and Thai. */
const UNSPACED = `${CJ}\\p{Script=Thai}`;

const PUT_SPACE = new RegExp(
  `(?<=[${UNSPACED}][${MARK_START}${MARK_END}]*) +(?=[${MARK_START}${MARK_END}]*[${UNSPACED}])`,
  'gu',
);

/**
 * Excerpt text as the story wrote it: no spaces between two Chinese, Japanese
 * or Thai letters, across a mark's edges too, except where a Thai phrase ended.
 */
export const withoutWordSpaces = (text: string): string => text.replace(PUT_SPACE, '').replaceAll(THAI_PHRASE_END, '');
