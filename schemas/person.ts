import type { DocumentDefinition } from 'sanity';
import { z } from 'zod';
import { generatedSlug, NAME_SLUG_MAX_LENGTH } from './generated-slug.ts';
import { photoValue } from './photo.ts';
import { documentSystemFields, slugValue } from './sanity-values.ts';
import { requiredSlug } from './slug-rule.ts';

export const personType = {
  name: 'person',
  title: 'Person',
  type: 'document',
  description: 'A journalist or contributor. Bylines and author pages come from here.',
  fields: [
    {
      name: 'name',
      title: 'Name',
      type: 'string',
      description: 'Full name as printed in bylines.',
      validation: (rule) => rule.required().error('A person needs a name.'),
    },
    {
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      options: {
        source: 'name',
        maxLength: NAME_SLUG_MAX_LENGTH,
        slugify: generatedSlug(NAME_SLUG_MAX_LENGTH, 'person-'),
      },
      description: 'The author page address: /author/<slug>.',
      validation: requiredSlug('Generate a slug from the name.'),
    },
    {
      name: 'title',
      title: 'Job title',
      type: 'string',
      description: 'For example "Technology correspondent".',
    },
    {
      name: 'bio',
      title: 'Short bio',
      type: 'text',
      rows: 3,
      description: 'Two or three sentences for the author page.',
      validation: (rule) => rule.max(400).warning('Keep the bio short: it is shown whole on the author page.'),
    },
    {
      name: 'portrait',
      title: 'Portrait',
      type: 'photo',
      description: 'A head-and-shoulders photo, credited like any other photo.',
    },
  ],
  preview: { select: { title: 'name', subtitle: 'title', media: 'portrait' } },
} satisfies DocumentDefinition;

export const personDocument = z.object({
  ...documentSystemFields,
  _type: z.literal('person'),
  name: z.string().trim().min(1),
  slug: slugValue,
  title: z.string().optional(),
  bio: z.string().optional(),
  portrait: photoValue.optional(),
});
