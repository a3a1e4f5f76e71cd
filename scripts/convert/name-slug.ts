// Slugs of person and section names. They must be ASCII (the site, the deploy
// validator and the edge serve ASCII paths), yet every name an archive holds
// needs one. A name that slugify cannot spell in full (Chinese, Arabic,
// Hebrew…, or no letters at all) gets `<kind>-<hash of the name>`: the same in
// every run and file, different for different names, and reported so that an
// editor can set a readable one. Spelling only the Latin part would give
// "李 Wei" and "王 Wei" one slug, and so one person.
import type { Location } from './errors.ts';
import { shortHash } from './keys.ts';
import { slugify } from './slugify.ts';
import { toLatin } from './transliterate.ts';
import { type ConvertWarning, convertWarning } from './warnings.ts';

export type NamedKind = 'person' | 'section';

export interface NameSlug {
  current: string;
  /** The slug is a hash: the name has letters no table spells. */
  generated: boolean;
}

/** A letter or digit that slugify drops rather than spells (Latin ones it cannot spell, like "ø", it always dropped). */
const UNSPELT = /(?![\p{Script=Latin}\p{Script=Common}])[\p{L}\p{N}]/u;

/** 60 characters: the `maxLength` of the person and section slug fields. */
export function nameSlug(kind: NamedKind, name: string, maxLength = 60): NameSlug {
  const current = slugify(name, maxLength);
  if (current && !UNSPELT.test(toLatin(name))) return { current, generated: false };
  // NFC: the same name saved by another editor (macOS decomposes Hangul) hashes the same.
  return { current: `${kind}-${shortHash(name.normalize('NFC'))}`, generated: true };
}

/** The `slug` field of a person or section document; a generated one is reported in `warnings`. */
export function nameSlugField(kind: NamedKind, name: string, at: Location, warnings: ConvertWarning[]) {
  const slug = nameSlug(kind, name);
  if (slug.generated) warnings.push(convertWarning('SlugGenerated', [kind, name, slug.current], at));
  return { _type: 'slug' as const, current: slug.current };
}
