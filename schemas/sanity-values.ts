// Zod shapes of the values Sanity itself defines (references, slugs, image
// crops), shared by every content type so each type only describes its own fields.
import { z } from 'zod';

/** `_key` on array members: Sanity needs it to address an item in a patch. */
export const arrayKey = z.string().min(1, 'Array items need a _key');

export const referenceValue = z.object({
  _type: z.literal('reference').optional(),
  _ref: z.string().min(1, 'A reference needs a _ref id'),
  _weak: z.boolean().optional(),
  _key: arrayKey.optional(),
});

export const slugValue = z.object({
  _type: z.literal('slug').optional(),
  current: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A slug is lower-case words joined by hyphens'),
});

/** ISO 8601 date-time as Sanity's datetime field stores it. */
export const isoDateTime = z.iso.datetime({ offset: true });

export const imageHotspot = z.object({
  _type: z.literal('sanity.imageHotspot').optional(),
  x: z.number(),
  y: z.number(),
  height: z.number(),
  width: z.number(),
});

export const imageCrop = z.object({
  _type: z.literal('sanity.imageCrop').optional(),
  top: z.number(),
  bottom: z.number(),
  left: z.number(),
  right: z.number(),
});

/** The fields every stored document carries, kept by the content lake. */
export const documentSystemFields = {
  _id: z.string().min(1),
  _rev: z.string().optional(),
  _createdAt: isoDateTime.optional(),
  _updatedAt: isoDateTime.optional(),
};

/** The `sanity.imageAsset` document as the site reads it (dereferenced from `asset`). */
export const imageAssetResult = z.object({
  _id: z.string().regex(/^image-[a-f0-9]+-\d+x\d+-[a-z0-9]+$/, 'Not a Sanity image asset id'),
  url: z.url().optional(),
  extension: z.string().optional(),
  mimeType: z.string().optional(),
  metadata: z.object({
    dimensions: z.object({
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      aspectRatio: z.number().positive(),
    }),
    lqip: z.string().optional(),
    hasAlpha: z.boolean().optional(),
  }),
});
