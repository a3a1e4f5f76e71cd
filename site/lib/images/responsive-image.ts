// Responsive variants of a photo, encoded at build time by Astro's image
// service (sharp) and written to dist as hashed, immutable files. Astro caches
// both the fetched original and each variant between builds.
import { getImage } from 'astro:assets';
import type { PhotoResult } from '../../../schemas/queries/story.ts';
import { croppedSize, type PhotoShape, photoSourceUrl } from './photo-source.ts';

export type ResponsiveImage = {
  src: string;
  srcset: string;
  sizes: string;
  width: number;
  height: number;
  placeholder?: string;
};

export type ResponsiveOptions = {
  /** Widths to offer, in CSS pixels at 1x; capped at the original's width. */
  widths: readonly number[];
  sizes: string;
  /** Force an aspect ratio (width / height), e.g. 16/9 for cards; default keeps the photo's. */
  aspectRatio?: number;
};

export async function responsiveImage(photo: PhotoResult, options: ResponsiveOptions): Promise<ResponsiveImage> {
  const natural = croppedSize(photo);
  const ratio = options.aspectRatio ?? natural.width / natural.height;
  const source: PhotoShape = options.aspectRatio ? fitRatio(natural, ratio) : natural;
  const src = photoSourceUrl(photo, source);
  const widths = [...new Set(options.widths.map((w) => Math.min(w, source.width)))].sort((a, b) => a - b);
  const variants = await Promise.all(
    widths.map((w) => getImage({ src, width: w, height: Math.round(w / ratio), format: 'webp', quality: 75 })),
  );
  const largest = variants.at(-1);
  const width = widths.at(-1) ?? source.width;
  return {
    src: largest?.src ?? src,
    srcset: variants.map((v, i) => `${v.src} ${widths[i]}w`).join(', '),
    sizes: options.sizes,
    width,
    height: Math.round(width / ratio),
    placeholder: photo.asset.metadata.lqip,
  };
}

/** The largest region of `natural` with the given aspect ratio. */
function fitRatio(natural: PhotoShape, ratio: number): PhotoShape {
  return natural.width / natural.height > ratio
    ? { width: Math.round(natural.height * ratio), height: natural.height }
    : { width: natural.width, height: Math.round(natural.width / ratio) };
}
