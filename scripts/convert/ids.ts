// Document ids and references of converted content. Ids are readable and
// stable: `story-<slug>`, `section-<slug>`, `person-<slug>`, `quote-<hash>`.
import type { z } from 'zod';
import type { referenceValue } from '../../schemas/sanity-values.ts';
import { shortHash } from './keys.ts';
import { slugify } from './slugify.ts';

export type Reference = z.infer<typeof referenceValue>;

export const storyId = (slug: string): string => `story-${slug}`;
export const sectionId = (name: string): string => `section-${slugify(name)}`;
export const personId = (name: string): string => `person-${slugify(name)}`;

/** One quote document per story, speaker and wording. */
export const quoteId = (story: string, speaker: string, text: string): string =>
  `quote-${shortHash(story, speaker, text)}`;

export function reference(id: string): Reference {
  return { _type: 'reference', _ref: id };
}
