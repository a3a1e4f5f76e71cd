// The Portable Text of a story body: paragraphs, subheads, lists, links,
// inline attributed quotes, pull quotes and inline photos.
import type { FieldDefinition, ObjectDefinition } from 'sanity';
import { z } from 'zod';
import { photoValue } from './photo.ts';
import { pullQuoteValue } from './quote.ts';
import { arrayKey, referenceValue } from './sanity-values.ts';
import { storyLinkExists } from './story-link-rule.ts';

export const blockStyles = ['normal', 'h2', 'h3', 'blockquote'] as const;
export const listTypes = ['bullet', 'number'] as const;
export const decorators = ['strong', 'em', 'code', 'underline', 'strike-through'] as const;

/** Annotation: a hyperlink. The renderer drops any scheme but http(s), mailto and tel. */
export const linkAnnotationType = {
  name: 'link',
  title: 'Link',
  type: 'object',
  fields: [
    {
      name: 'href',
      title: 'Address',
      type: 'url',
      description: 'A web address (https://…), mailto: or tel:, or a path on this site (/story/…).',
      validation: (rule) => [
        rule
          .required()
          .uri({ scheme: ['http', 'https', 'mailto', 'tel'], allowRelative: true })
          .error('Use an https://, mailto: or tel: address, or a /path on this site.'),
        rule.custom(storyLinkExists).warning(),
      ],
    },
  ],
} satisfies ObjectDefinition;

/** Annotation: marks a direct quote in running text and ties it to the quote library. */
export const quotationAnnotationType = {
  name: 'quotation',
  title: 'Attributed quote',
  type: 'object',
  description: 'Select the quoted words (without the quotation marks) and pick or create the quote.',
  fields: [
    {
      name: 'quote',
      title: 'Quote',
      type: 'reference',
      to: [{ type: 'quote' }],
      description: 'The quote document that names the speaker and their role.',
      validation: (rule) => rule.required().error('Link the quoted words to a quote with its speaker.'),
    },
  ],
} satisfies ObjectDefinition;

export const bodyField = {
  name: 'body',
  title: 'Body',
  type: 'array',
  description: 'The story text. Subheads are "H2"; add pull quotes and photos between paragraphs.',
  of: [
    {
      type: 'block',
      styles: [
        { title: 'Paragraph', value: 'normal' },
        { title: 'Subhead', value: 'h2' },
        { title: 'Minor subhead', value: 'h3' },
        { title: 'Block quote', value: 'blockquote' },
      ],
      lists: [
        { title: 'Bullets', value: 'bullet' },
        { title: 'Numbered', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: 'Bold', value: 'strong' },
          { title: 'Italic', value: 'em' },
          { title: 'Code', value: 'code' },
          { title: 'Underline', value: 'underline' },
          { title: 'Strike', value: 'strike-through' },
        ],
        annotations: [{ type: 'link' }, { type: 'quotation' }],
      },
    },
    { type: 'pullQuote' },
    { type: 'photo' },
  ],
  validation: (rule) => rule.required().min(1).error('A story needs a body.'),
} satisfies FieldDefinition;

export const spanValue = z.object({
  _type: z.literal('span'),
  _key: arrayKey.optional(),
  text: z.string(),
  marks: z.array(z.string()).optional(),
});

export const linkMarkValue = z.object({
  _type: z.literal('link'),
  _key: arrayKey,
  href: z.string().min(1),
});

export const quotationMarkValue = z.object({
  _type: z.literal('quotation'),
  _key: arrayKey,
  quote: referenceValue,
});

export const blockValue = z.object({
  _type: z.literal('block'),
  _key: arrayKey,
  style: z.enum(blockStyles).optional(),
  listItem: z.enum(listTypes).optional(),
  level: z.number().int().positive().optional(),
  children: z.array(spanValue),
  markDefs: z.array(z.discriminatedUnion('_type', [linkMarkValue, quotationMarkValue])).optional(),
});

export const bodyValue = z
  .array(z.discriminatedUnion('_type', [blockValue, pullQuoteValue, photoValue.extend({ _key: arrayKey })]))
  .min(1, 'A story needs a body');
