// A direct quote and who said it. The same fields serve the quote library
// (the `quote` document) and a pull quote placed in a story body (`pullQuote`).
import type { DocumentDefinition, FieldDefinition, ObjectDefinition } from 'sanity';
import { z } from 'zod';
import { contributorValue } from './contributor.ts';
import { languageField, languageValue } from './language.ts';
import { documentSystemFields, referenceValue } from './sanity-values.ts';

const quoteFields: FieldDefinition[] = [
  {
    name: 'text',
    title: 'Quote',
    type: 'text',
    rows: 3,
    description: 'The words exactly as said, without the quotation marks.',
    validation: (rule) => rule.required().error('Type the quoted words.'),
  },
  {
    name: 'speaker',
    title: 'Speaker',
    type: 'contributor',
    description: 'Who said it: a person from People, or a name.',
    validation: (rule) => rule.required().error('Every quote needs a speaker.'),
  },
  {
    name: 'speakerRole',
    title: "Speaker's role",
    type: 'string',
    description: 'Printed after the name, for example "the ministry\'s spokesman".',
  },
  languageField(
    'Only for words in another language than the story they appear in: their language tag, for example "fa" for a Persian quote in an English story, or "en" for an English quote in a Persian story. Screen readers then speak the quote in its own language, and browsers lay it out in its own direction.',
    "when the quote is in the story's language",
  ),
];

/**
 * A quote listed by its words and who said them: the speaker is a person from
 * People (whose name the preview looks up) or a typed name, so both are read.
 */
const speakerPreview = {
  select: { title: 'text', speakerName: 'speaker.name', speakerPerson: 'speaker.person.name' },
  prepare: ({ title, speakerName, speakerPerson }: Record<string, unknown>) => ({
    title: typeof title === 'string' ? title : undefined,
    subtitle: [speakerPerson, speakerName].find((name): name is string => typeof name === 'string' && name !== ''),
  }),
};

export const quoteType = {
  name: 'quote',
  title: 'Quote',
  type: 'document',
  description: 'The quote library: attributed quotes that stories mark inline or pull out.',
  fields: [
    ...quoteFields,
    {
      name: 'story',
      title: 'First published in',
      type: 'reference',
      to: [{ type: 'story' }],
      // Weak: the story's body refers to its quotes strongly, so a strong link
      // back would make the pair impossible to delete or unpublish one at a
      // time (Content Lake refuses to remove a strongly referenced document).
      weak: true,
      description: 'The story the quote first appeared in, if any.',
    },
  ],
  preview: speakerPreview,
} satisfies DocumentDefinition;

export const pullQuoteType = {
  name: 'pullQuote',
  title: 'Pull quote',
  type: 'object',
  description: 'A quote set apart from the text, with its speaker.',
  fields: quoteFields,
  preview: speakerPreview,
} satisfies ObjectDefinition;

const quoteShape = {
  text: z.string().trim().min(1),
  speaker: contributorValue,
  speakerRole: z.string().optional(),
  language: languageValue,
};

export const quoteDocument = z.object({
  ...documentSystemFields,
  _type: z.literal('quote'),
  ...quoteShape,
  story: referenceValue.optional(),
});

export const pullQuoteValue = z.object({
  _type: z.literal('pullQuote'),
  _key: z.string(),
  ...quoteShape,
});
