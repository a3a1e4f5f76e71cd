// Document ids and references of converted content. Ids are readable and
// stable: `story-<slug>`, `section-<slug>`, `person-<slug>`, `quote-<hash>`.
import type { z } from 'zod';
import type { referenceValue } from '../../schemas/sanity-values.ts';
import { shortHash } from './keys.ts';
import { type NamedKind, nameSlug } from './name-slug.ts';

export type Reference = z.infer<typeof referenceValue>;

/** `person-<slug>`; a generated slug (`person-<hash>`) is already one. */
function namedId(kind: NamedKind, name: string): string {
  const slug = nameSlug(kind, name, 96);
  return slug.generated ? slug.current : `${kind}-${slug.current}`;
}

export const storyId = (slug: string): string => `story-${slug}`;
export const sectionId = (name: string): string => namedId('section', name);
export const personId = (name: string): string => namedId('person', name);

/** One quote document per story, speaker and wording. */
export const quoteId = (story: string, speaker: string, text: string): string =>
  `quote-${shortHash(story, speaker, text)}`;

export function reference(id: string): Reference {
  return { _type: 'reference', _ref: id };
}

/** A reference that does not keep its target from being deleted or unpublished (a schema field with `weak: true`). */
export function weakReference(id: string): Reference {
  return { ...reference(id), _weak: true };
}
