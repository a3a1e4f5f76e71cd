// Slugs of person and section names. They must be ASCII (the site, the deploy
// validator and the edge serve ASCII paths), yet every name an archive holds
// needs one. A name that slugify cannot spell in full (Chinese, Arabic,
// Hebrew…, or no letters at all) gets `<kind>-<hash of the name>`: the same in
// every run and file, different for different names, and reported so that an
// editor can set a readable one. Spelling only the Latin part would give
// "李 Wei" and "王 Wei" one slug, and so one person.

import { hashedText, NAME_SLUG_MAX_LENGTH, spelledSlug } from '../../schemas/generated-slug.ts';
import type { Location } from './errors.ts';
import { shortHash } from './keys.ts';
import { type ConvertWarning, convertWarning } from './warnings.ts';

export type NamedKind = 'person' | 'section';

export interface NameSlug {
  current: string;
  /** The slug is a hash: the name has letters no table spells. */
  generated: boolean;
}

/** As the Studio's Generate button makes it (schemas/generated-slug.ts). */
export function nameSlug(kind: NamedKind, name: string, maxLength = NAME_SLUG_MAX_LENGTH): NameSlug {
  const current = spelledSlug(name, maxLength);
  if (current) return { current, generated: false };
  return { current: `${kind}-${shortHash(hashedText(name))}`, generated: true };
}

/** The `slug` field of a person or section document; a generated one is reported in `warnings`. */
export function nameSlugField(kind: NamedKind, name: string, at: Location, warnings: ConvertWarning[]) {
  const slug = nameSlug(kind, name);
  if (slug.generated) warnings.push(convertWarning('SlugGenerated', [kind, name, slug.current], at));
  return { _type: 'slug' as const, current: slug.current };
}
