// The language a story is written in. The site's chrome is English, and so is
// a story that names no language; a story in Persian, Chinese or Hebrew says
// so on the elements that hold its words (WCAG 3.1.2, Language of Parts), so
// screen readers speak it with the right voice and browsers pick its fonts,
// line breaking and, for right-to-left scripts, its direction. The tag also
// goes to search engines (schema.org inLanguage, Google News' news:language)
// and social networks (og:locale).

export const SITE_LANGUAGE = 'en';
/** The site's language as OpenGraph writes a locale. */
export const SITE_OPEN_GRAPH_LOCALE = 'en_US';

export type StoryLanguage = { lang: string; dir: 'ltr' | 'rtl' };

/** `lang` and `dir` for a story's words, or `undefined` when it is in the site's language. */
export function storyLanguage(story: { language?: string }): StoryLanguage | undefined {
  const lang = story.language;
  if (!lang || lang === SITE_LANGUAGE) return undefined;
  return wordsLanguage(lang);
}

/**
 * `lang` and `dir` for words that name their own language, whatever the
 * language around them: a quote in Persian in an English story, or in English
 * in a Persian one, so its `lang` is set even when it is the site's.
 */
export function wordsLanguage(lang: string): StoryLanguage {
  return { lang, dir: textDirection(lang) };
}

/** CLDR's direction for the language's script, guessed from the language when the tag names none ("fa" → Arab → rtl). */
function textDirection(lang: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(lang) as Intl.Locale & { getTextInfo?: () => { direction: string } };
  return locale.getTextInfo?.().direction === 'rtl' ? 'rtl' : 'ltr';
}

/**
 * Google News' language code for a story: ISO 639 (the tag's language), except
 * Chinese, which it wants as zh-cn (simplified) or zh-tw (traditional).
 */
export function newsLanguage(story: { language?: string }): string {
  const locale = new Intl.Locale(story.language || SITE_LANGUAGE);
  if (locale.language !== 'zh') return locale.language;
  return locale.maximize().script === 'Hant' ? 'zh-tw' : 'zh-cn';
}

/**
 * OpenGraph's og:locale for a story, language_TERRITORY: the territory CLDR
 * finds likeliest for the language when the tag names none ("fa" → fa_IR,
 * "zh-Hans" → zh_CN), and the site's own en_US for a story in English.
 */
export function openGraphLocale(story: { language?: string }): string {
  if (!storyLanguage(story)) return SITE_OPEN_GRAPH_LOCALE;
  const locale = new Intl.Locale(story.language as string).maximize();
  return locale.region ? `${locale.language}_${locale.region}` : locale.language;
}
