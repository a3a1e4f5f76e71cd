// One encoded image file the site needs: which original, which region of it,
// what size and format, and how it is encoded. The file name spells all of it
// out, so a name alone says how to make the file, and the same request always
// gets the same name (hashed by content: the original's SHA-1 is in it),
// which is what lets the edge cache it forever. Changing the encoder's
// settings changes every name, so no cached copy of an old encoding is served
// under an "immutable" URL.
import { z } from 'zod';

export const IMAGE_FORMATS = ['avif', 'webp', 'jpg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** Encoder quality per format: visually similar, smallest files. */
export const QUALITY: Record<ImageFormat, number> = { avif: 50, webp: 72, jpg: 78 };

/** Bump when encode-variants.ts encodes differently at the same quality (effort, chroma, progressive). */
export const ENCODER_REVISION = 2;

export const imageVariant = z.object({
  /** The original: `image-<sha1>-<w>x<h>-<ext>`. Where it is fetched from is configuration. */
  assetId: z.string(),
  /** Region of the original, in its pixels: x, y, width, height. */
  rect: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  format: z.enum(IMAGE_FORMATS),
});
export type ImageVariant = z.infer<typeof imageVariant>;

const NAME =
  /^([a-f0-9]{40})-(\d+)x(\d+)-([a-z0-9]+)_(\d+)\.(\d+)\.(\d+)\.(\d+)_(\d+)x(\d+)-q\d+e\d+\.(avif|webp|jpg)$/;

/** `<sha1>-<W>x<H>-<ext>_<x>.<y>.<w>.<h>_<width>x<height>-q<quality>e<encoder revision>.<format>` */
export function variantFileName(v: ImageVariant): string {
  const [, sha1, size, ext] = v.assetId.split('-');
  const encoding = `q${QUALITY[v.format]}e${ENCODER_REVISION}`;
  return `${sha1}-${size}-${ext}_${v.rect.join('.')}_${v.width}x${v.height}-${encoding}.${v.format}`;
}

export function parseVariantFileName(name: string): ImageVariant | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i]);
  return {
    assetId: `image-${m[1]}-${m[2]}x${m[3]}-${m[4]}`,
    rect: [n(5), n(6), n(7), n(8)],
    width: n(9),
    height: n(10),
    format: m[11] as ImageFormat,
  };
}
