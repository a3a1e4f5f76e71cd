// "A person, or a name": photographers and speakers are often not on staff,
// so either a reference to a person document or a plain name is accepted.
import type { ObjectDefinition } from 'sanity';
import { z } from 'zod';
import { referenceValue } from './sanity-values.ts';

export const contributorType = {
  name: 'contributor',
  title: 'Person or name',
  type: 'object',
  description: 'Pick a person from People, or type a name for someone who is not in the newsroom.',
  fields: [
    {
      name: 'person',
      title: 'Person',
      type: 'reference',
      to: [{ type: 'person' }],
      description: 'Someone with a page on the site (a staff member or regular contributor).',
    },
    {
      name: 'name',
      title: 'Name',
      type: 'string',
      description: 'The name as it should be printed, for people without a page on the site.',
    },
  ],
  validation: (rule) =>
    rule.custom((value) => {
      const v = value as { person?: unknown; name?: string } | undefined;
      if (!v) return true;
      if (!v.person && !v.name?.trim()) return 'Choose a person or type a name.';
      if (v.person && v.name?.trim()) return 'Choose a person or type a name, not both.';
      return true;
    }),
} satisfies ObjectDefinition;

/**
 * The contributor shape around a given person shape: a stored reference, or
 * the person the queries dereference. Either way exactly one of the two is set.
 */
export function contributorOf<P extends z.ZodType>(person: P) {
  return z
    .object({
      _type: z.literal('contributor').optional(),
      person: person.optional(),
      name: z.string().trim().min(1).optional(),
    })
    .refine((v) => Boolean(v.person) !== Boolean(v.name), { message: 'Give either a person or a name' });
}

export const contributorValue = contributorOf(referenceValue);
