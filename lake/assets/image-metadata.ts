import sharp, { type Metadata } from 'sharp';
import { IMAGE_FORMATS } from './image-formats.ts';

export type ImageFacts = {
  width: number;
  height: number;
  /** Sanity's extension: `jpg`, `png`, `webp`, `gif`, `avif`, `tiff`, `svg`. */
  extension: string;
  mimeType: string;
  hasAlpha: boolean;
  isOpaque: boolean;
  /** A ~20px wide JPEG as a data URL, Sanity's low-quality image placeholder. */
  lqip: string;
};

/** Reads what Sanity puts in `sanity.imageAsset.metadata`; undefined when sharp cannot read the bytes (or the file of them). */
export async function readImageFacts(bytes: Buffer | string): Promise<ImageFacts | undefined> {
  // A truncated file can have a readable header and broken pixels: only
  // decoding them (the opacity and the placeholder) finds out, so that is
  // tried too, and the upload or import is refused as not an image.
  try {
    return await facts(bytes, await sharp(bytes).metadata());
  } catch {
    return undefined;
  }
}

async function facts(bytes: Buffer | string, meta: Metadata): Promise<ImageFacts | undefined> {
  const format = meta.format ? IMAGE_FORMATS[meta.format] : undefined;
  if (!format || !meta.width || !meta.height) return undefined;
  // EXIF orientations 5-8 are rotated a quarter turn: the displayed image is portrait/landscape swapped.
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = rotated ? meta.height : meta.width;
  const height = rotated ? meta.width : meta.height;
  const hasAlpha = meta.hasAlpha === true;
  const isOpaque = hasAlpha ? (await sharp(bytes).stats()).isOpaque : true;
  const placeholder = await sharp(bytes).rotate().resize(20).jpeg({ quality: 40 }).toBuffer();
  return {
    width,
    height,
    ...format,
    hasAlpha,
    isOpaque,
    lqip: `data:image/jpeg;base64,${placeholder.toString('base64')}`,
  };
}
