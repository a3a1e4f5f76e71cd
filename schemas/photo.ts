// A photo is an image with the editorial fields every published photo needs.
import type { ImageDefinition } from 'sanity';
import { z } from 'zod';
import { photoCreditValue } from './photo-credit.ts';
import { imageCrop, imageHotspot, referenceValue } from './sanity-values.ts';

export const photoType = {
  name: 'photo',
  title: 'Photo',
  type: 'image',
  options: { hotspot: true },
  description: 'Upload the image, then give it alt text, a caption and a credit.',
  fields: [
    {
      name: 'alt',
      title: 'Alt text',
      type: 'string',
      description: 'What the photo shows, for readers who cannot see it. Not the caption.',
      validation: (rule) => rule.required().error('Describe the photo for readers who cannot see it.'),
    },
    {
      name: 'caption',
      title: 'Caption',
      type: 'text',
      rows: 3,
      description: 'Printed under the photo.',
    },
    {
      name: 'credit',
      title: 'Credit',
      type: 'photoCredit',
      description: 'Every photo is credited: a photographer, an agency, or both.',
      validation: (rule) => rule.required().error('Credit the photographer or agency before publishing.'),
    },
  ],
  validation: (rule) =>
    rule.custom((value) =>
      value && !(value as { asset?: unknown }).asset ? 'Upload an image or remove the photo.' : true,
    ),
} satisfies ImageDefinition;

export const photoValue = z.object({
  _type: z.literal('photo'),
  _key: z.string().optional(),
  asset: referenceValue,
  hotspot: imageHotspot.optional(),
  crop: imageCrop.optional(),
  alt: z.string().trim().min(1, 'Alt text is required'),
  caption: z.string().optional(),
  credit: photoCreditValue,
});
