// Slugs the Studio's Generate button makes, the same as the converter makes
// them: the words in lower-case ASCII, Cyrillic and Greek spelt out
// (slugify.ts). A headline or name with letters no table spells (Chinese,
// Japanese, Arabic, Persian, Hebrew, Hindi…) would give nothing, or only its
// Latin part ("中国 2026" → "2026", the slug of every other "… 2026"), and the
// button would leave the required field empty. It gets 12 hex digits of the
// SHA-1 of its text instead, after the type's prefix (`person-`, `section-`;
// none for stories, whose path is /story/ already): stable for the same text,
// and the editor can still type a better one.
import { slugify } from './slugify.ts';
import { toLatin } from './transliterate.ts';

/** The story slug field's `maxLength`; person and section slugs have 60. */
export const STORY_SLUG_MAX_LENGTH = 96;
export const NAME_SLUG_MAX_LENGTH = 60;

/** A letter or digit slugify drops rather than spells. */
const UNSPELT = /(?![\p{Script=Latin}\p{Script=Common}])[\p{L}\p{N}]/u;

/** `text` as a slug if slugify can spell every letter of it; undefined if not. */
export function spelledSlug(text: string, maxLength: number): string | undefined {
  const slug = slugify(text, maxLength);
  return slug && !UNSPELT.test(toLatin(text)) ? slug : undefined;
}

/** What is hashed: NFC, so the same text typed on macOS (which decomposes Hangul) hashes the same. */
export const hashedText = (text: string): string => text.normalize('NFC');

/**
 * An `options.slugify` for a slug field. Web Crypto, which browsers give a
 * secure context (the Studio is served over HTTPS) and Node gives everywhere;
 * the converter hashes the same text with node:crypto (scripts/convert/keys.ts).
 */
export function generatedSlug(maxLength: number, prefix = '') {
  return async (text: string): Promise<string> => {
    const spelled = spelledSlug(text, maxLength);
    if (spelled) return spelled;
    const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(hashedText(text)));
    return prefix + [...new Uint8Array(digest).slice(0, 6)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  };
}
