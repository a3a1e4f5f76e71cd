// Slugs as the schemas accept them: lower-case ASCII words joined by hyphens.
// Apostrophes vanish rather than split a word ("Iran’s" → "irans"; Ukrainian
// writes "Вʼячеслав" with U+02BC); Cyrillic and Greek are transliterated;
// letters of other scripts are dropped.
import { toLatin } from './transliterate.ts';

const APOSTROPHES = /['’‘`´ʼ]/g;

export function slugify(text: string, maxLength = 96): string {
  const words = toLatin(text)
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) return slug || word.slice(0, maxLength);
    slug = next;
  }
  return slug;
}
