// The markup data for one photo at several widths and formats: AVIF for
// browsers that take it, WebP for every other browser, with explicit
// dimensions (no layout shift) and the low-quality placeholder. Pure and
// synchronous, so loaders can render bodies with it ahead of the pages.
//
// Why no JPEG: every browser released since 2020 decodes WebP, so a JPEG
// set would be fetched by almost no reader, yet it cost a first build more
// to encode than the WebP set (mozjpeg: 1.7 CPU-s against 1.3 for the
// benchmark's 123 photo variants). JPEG stays where crawlers read it: the
// social card (social-image.ts).
import type { PhotoResult } from '../../../schemas/queries/story.ts';
import { croppedSize, type PhotoShape, photoUrl, sourceRect } from './photo-source.ts';
import { type ImageFormat, type ImageVariant, QUALITY } from './variant.ts';
import { requireVariant } from './variant-registry.ts';

export type ResponsiveImage = {
  /** The fallback format at the largest width: what browsers without srcset or <picture> load. */
  src: string;
  width: number;
  height: number;
  srcset: string;
  sizes: string;
  /** Better formats, best first, for <picture><source>. */
  sources: { type: string; srcset: string }[];
  placeholder?: string;
};

export type ResponsiveOptions = {
  /** Widths to offer, in CSS pixels; capped at the original's width. */
  widths: readonly number[];
  sizes: string;
  /** Force an aspect ratio (width / height), e.g. 16/9 for cards; default keeps the photo's. */
  aspectRatio?: number;
  /** Told of each variant file the markup links to (the loader keeps the list with the body). */
  onVariant?: (variant: ImageVariant) => void;
};

const SOURCES: { format: ImageFormat; type: string }[] = [{ format: 'avif', type: 'image/avif' }];
/** What the <img> itself offers. */
const FALLBACK: ImageFormat = 'webp';
/** Every format a photo is offered in, so what is anticipated matches what pages require. */
const PHOTO_FORMATS: readonly ImageFormat[] = [...SOURCES.map((s) => s.format), FALLBACK];

/**
 * Where variant files come from. `build` (default) encodes them into the site,
 * so the deployed site never calls the content host; `cdn` links to Sanity's
 * image CDN, for content on hosted Sanity.
 */
export const MODE = process.env.NEWSROOM_IMAGES === 'cdn' ? 'cdn' : 'build';

export function responsiveImage(photo: PhotoResult, options: ResponsiveOptions): ResponsiveImage {
  const { region, shapes, rect } = plan(photo, options);
  const url = (shape: PhotoShape, format: ImageFormat) => urlFor(photo, rect, shape, format, options.onVariant);
  const srcsetFor = (format: ImageFormat) => shapes.map((shape) => `${url(shape, format)} ${shape.width}w`).join(', ');
  const largest = shapes.at(-1) ?? region;
  return {
    src: url(largest, FALLBACK),
    width: largest.width,
    height: largest.height,
    srcset: srcsetFor(FALLBACK),
    sizes: options.sizes,
    sources: SOURCES.map(({ format, type }) => ({ type, srcset: srcsetFor(format) })),
    placeholder: photo.asset.metadata.lqip,
  };
}

/** The region of the photo shown, where it lies in the original, and the sizes offered. */
function plan(photo: PhotoResult, options: Pick<ResponsiveOptions, 'widths' | 'aspectRatio'>) {
  const natural = croppedSize(photo);
  const ratio = options.aspectRatio ?? natural.width / natural.height;
  const region = options.aspectRatio ? fitRatio(natural, ratio) : natural;
  const widths = [...new Set(options.widths.map((w) => Math.min(w, region.width)))].sort((a, b) => a - b);
  const shapes = widths.map((w) => ({ width: w, height: Math.max(1, Math.round(w / ratio)) }));
  return { region, shapes, rect: sourceRect(photo, region) };
}

/** The variant files `responsiveImage` would link to for these options, without requiring them. */
export function variantsFor(photo: PhotoResult, options: Pick<ResponsiveOptions, 'widths' | 'aspectRatio'>) {
  const { shapes, rect } = plan(photo, options);
  return PHOTO_FORMATS.flatMap((format) => shapes.map((shape) => photoVariant(photo, rect, shape, format)));
}

/**
 * The variant of `photo` cut from `rect` at `shape`. Every variant is made
 * here, so what the loader anticipates has the same file name as what a page
 * then requires.
 */
export function photoVariant(
  photo: PhotoResult,
  rect: ImageVariant['rect'],
  shape: PhotoShape,
  format: ImageFormat,
): ImageVariant {
  return { assetId: photo.asset._id, rect, width: shape.width, height: shape.height, format };
}

function urlFor(
  photo: PhotoResult,
  rect: ImageVariant['rect'],
  shape: PhotoShape,
  format: ImageFormat,
  onVariant: ((variant: ImageVariant) => void) | undefined,
): string {
  if (MODE === 'cdn') {
    return photoUrl(photo, shape, { fm: format, q: QUALITY[format] }).href;
  }
  const variant = photoVariant(photo, rect, shape, format);
  onVariant?.(variant);
  return requireVariant(variant);
}

/** The largest region of `natural` with the given aspect ratio. */
export function fitRatio(natural: PhotoShape, ratio: number): PhotoShape {
  return natural.width / natural.height > ratio
    ? { width: Math.round(natural.height * ratio), height: natural.height }
    : { width: natural.width, height: Math.round(natural.width / ratio) };
}
