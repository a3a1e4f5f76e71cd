import type { DocumentDefinition } from 'sanity';
import { z } from 'zod';
import { generatedSlug, NAME_SLUG_MAX_LENGTH } from './generated-slug.ts';
import { documentSystemFields, slugValue } from './sanity-values.ts';
import { requiredSlug } from './slug-rule.ts';

export const sectionType = {
  name: 'section',
  title: 'Section',
  type: 'document',
  description: 'A desk of the newsroom (Politics, Technology…). Every story belongs to one.',
  fields: [
    {
      name: 'name',
      title: 'Name',
      type: 'string',
      description: 'As shown in navigation and breadcrumbs.',
      validation: (rule) => rule.required().max(40).warning('Section names over 40 characters wrap in the navigation.'),
    },
    {
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      options: {
        source: 'name',
        maxLength: NAME_SLUG_MAX_LENGTH,
        slugify: generatedSlug(NAME_SLUG_MAX_LENGTH, 'section-'),
      },
      description: 'The section page address: /section/<slug>. Changing it breaks old links.',
      validation: requiredSlug('Generate a slug from the name.'),
    },
    {
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 2,
      description: 'One or two sentences for the section page and search engines.',
    },
  ],
  preview: { select: { title: 'name', subtitle: 'slug.current' } },
} satisfies DocumentDefinition;

export const sectionDocument = z.object({
  ...documentSystemFields,
  _type: z.literal('section'),
  name: z.string().trim().min(1),
  slug: slugValue,
  description: z.string().optional(),
});
