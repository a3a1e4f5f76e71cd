// Topics are free text on stories ("Artificial Intelligence"), not documents,
// so their page addresses are derived here: ASCII words joined by hyphens,
// accents folded ("São Paulo" → "sao-paulo"). Spellings that fold to the same
// slug ("AI", "ai") share one topic page.
//
// A topic in another script ("ایران", "网络安全", "Москва", "🔥") folds to
// nothing, or to only its Latin part ("中国 2026" → "2026", shared with every
// other "… 2026"); it would get no page, or another topic's. Such a topic gets
// `topic-` and 12 hex digits of a SHA-1 of its name, as the converter names a
// person or section it cannot spell (scripts/convert/README.md, Slugs).
import { createHash } from 'node:crypto';

/** A letter of a script other than Latin, or a digit other than 0-9. */
const UNSPELLABLE = /[\p{L}\p{N}]/u;

export function topicSlug(topic: string): string {
  const folded = topic
    .normalize('NFKD')
    .replace(/\p{M}|['’]/gu, '')
    .toLowerCase();
  const ascii = folded
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replaceAll(' ', '-');
  const rest = folded.replace(/[\p{Script=Latin}0-9]/gu, '');
  if (ascii && !UNSPELLABLE.test(rest)) return ascii;
  return `topic-${createHash('sha1').update(topic.normalize('NFKC').trim().toLowerCase()).digest('hex').slice(0, 12)}`;
}
