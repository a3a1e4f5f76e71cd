import type { ObjectDefinition } from 'sanity';
import { z } from 'zod';
import { referenceValue } from './sanity-values.ts';

export const bylineRoles = ['Reporter', 'Writer', 'Editor', 'Contributor', 'Photographer', 'Analysis'] as const;

/** The roles a story page prints as "By Jane Doe"; every other role is printed before the name ("Editor: Jane Doe"). */
export const byRoles: readonly (typeof bylineRoles)[number][] = ['Reporter', 'Writer'];

export const bylineType = {
  name: 'byline',
  title: 'Byline',
  type: 'object',
  fields: [
    {
      name: 'person',
      title: 'Person',
      type: 'reference',
      to: [{ type: 'person' }],
      description: 'Who is credited. Bylines link to the author page.',
      validation: (rule) => rule.required().error('Pick the person to credit.'),
    },
    {
      name: 'role',
      title: 'Role',
      type: 'string',
      options: { list: bylineRoles.map((r) => ({ title: r, value: r })) },
      initialValue: 'Reporter',
      description: `${byRoles.join(' and ')} are printed as "By Jane Doe"; other roles before the name, for example "Editor: Jane Doe".`,
      validation: (rule) => rule.required().error('Choose the role this person had.'),
    },
  ],
  preview: { select: { title: 'person.name', subtitle: 'role' } },
} satisfies ObjectDefinition;

export const bylineValue = z.object({
  _type: z.literal('byline').optional(),
  _key: z.string(),
  person: referenceValue,
  role: z.enum(bylineRoles),
});
