// Cyrillic, Greek, and Latin letters with no accent to take off (ø, ł, ß), in
// plain Latin letters, so a Russian byline, a Greek section or a Danish name
// gets a readable ASCII slug ("Иван Петров" → "ivan petrov"). One letter has one
// spelling whatever the language: a table cannot tell that Ukrainian reads "г"
// as h, and an editor can always set a better slug in the Studio.

/**
 * BGN/PCGN romanization without its marks (ъ and ь vanish, ё is e), plus the
 * letters Ukrainian, Belarusian, Serbian and Macedonian add. Keys are precomposed
 * (NFC) because й, ї and ў would lose what tells them apart in NFD.
 */
// biome-ignore format: a table reads best one alphabet row at a time
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  є: 'ye', і: 'i', ї: 'yi', ґ: 'g', ў: 'w',
  ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'g', ѕ: 'dz', ќ: 'k',
};

/**
 * Latin letters that are not a base letter with an accent, so NFKD leaves them
 * whole and a slug would lose them ("Søren" would be "s-ren"): their usual
 * spelling in plain ASCII, as German, Scandinavian, Polish, Icelandic,
 * Croatian and Turkish newsrooms write them in addresses.
 */
// biome-ignore format: one row reads best
const LATIN: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'ng', ĸ: 'k',
};

/** ELOT 743 (ISO 843) without marks. Keys are bare letters: accents come off first (NFD). */
// biome-ignore format: a table reads best one alphabet row at a time
const GREEK: Readonly<Record<string, string>> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm',
  ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/** Vowel pairs read as one sound (Ευρώπη is Evropi), unless a diaeresis on υ splits them. */
const GREEK_PAIRS: Readonly<Record<string, string>> = { ου: 'ou', αυ: 'av', ευ: 'ev', ηυ: 'iv' };
const GREEK_PAIR = /[οαεη]υ(?!\u0308)/gu;

const CYRILLIC_LETTER = /\p{Script=Cyrillic}/gu;
const LATIN_LETTER = /[ßæœøłđðþıħŧŋĸ]/gu;
const GREEK_LETTER = /\p{Script=Greek}/gu;
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Lower-case text with Cyrillic and Greek spelt in Latin letters and every
 * accent removed (compatibility forms too: "ﬁ" is "fi"). Letters of other
 * scripts stay as they are, for the caller to drop or notice.
 */
export function toLatin(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(CYRILLIC_LETTER, (c) => CYRILLIC[c] ?? c)
    .replace(LATIN_LETTER, (c) => LATIN[c] ?? c)
    .normalize('NFKD')
    .replace(GREEK_PAIR, (pair) => GREEK_PAIRS[pair] ?? pair)
    .replace(GREEK_LETTER, (c) => GREEK[c] ?? c)
    .replace(COMBINING_MARKS, '');
}
