import type { ObjectDefinition } from 'sanity';
import { z } from 'zod';

export const seoType = {
  name: 'seo',
  title: 'Search and social',
  type: 'object',
  description: 'Overrides for search engines and social cards. Leave empty to use the headline and dek.',
  options: { collapsible: true, collapsed: true },
  fields: [
    {
      name: 'title',
      title: 'Title',
      type: 'string',
      description: 'Replaces the headline in the browser tab and search results.',
      validation: (rule) => rule.max(70).warning('Search engines cut titles after about 70 characters.'),
    },
    {
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 2,
      description: 'Replaces the dek in search results and social cards.',
      validation: (rule) => rule.max(160).warning('Search engines cut descriptions after about 160 characters.'),
    },
    {
      name: 'noIndex',
      title: 'Hide from search engines',
      type: 'boolean',
      description: 'Adds noindex. The story stays on the site.',
      initialValue: false,
    },
  ],
} satisfies ObjectDefinition;

export const seoValue = z.object({
  _type: z.literal('seo').optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  noIndex: z.boolean().optional(),
});
