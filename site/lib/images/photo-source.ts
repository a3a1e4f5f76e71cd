// Where a photo's pixels come from: the original on the content host, and the
// region of it to use, following the editor's crop and hotspot from the Studio.

import type { PhotoResult } from '../../../schemas/queries/story.ts';
import { imageUrlBuilder } from './image-host.ts';

export type PhotoShape = { width: number; height: number };
export type PhotoLike = Pick<PhotoResult, 'asset' | 'crop' | 'hotspot'>;

/** The photo's size after the editor's crop, before any resizing. */
export function croppedSize(photo: Pick<PhotoResult, 'asset' | 'crop'>): PhotoShape {
  const { width, height } = photo.asset.metadata.dimensions;
  const crop = photo.crop ?? { top: 0, bottom: 0, left: 0, right: 0 };
  return {
    width: Math.max(1, Math.round(width * (1 - crop.left - crop.right))),
    height: Math.max(1, Math.round(height * (1 - crop.top - crop.bottom))),
  };
}

/**
 * A URL for the photo in Sanity's image API dialect (which the lake and
 * Sanity's CDN both speak), cropped to `shape`'s aspect ratio around the
 * hotspot. @sanity/image-url does the crop and hotspot arithmetic, so the site
 * crops exactly as the Studio previews.
 */
export function photoUrl(photo: PhotoLike, shape: PhotoShape, params: Record<string, string | number> = {}): URL {
  const builder = imageUrlBuilder();
  const source = { asset: { _ref: photo.asset._id }, crop: photo.crop, hotspot: photo.hotspot };
  const url = new URL(builder.image(source).width(shape.width).height(shape.height).fit('crop').url());
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
  return url;
}

type Rect = [number, number, number, number];

// A page asks for the same photo's regions several times (its picture, its
// social card, the feeds), and building and parsing a URL each time showed up
// in profiles of 10k-story builds.
const rects = new Map<string, Rect>();

/** The region of the original (x, y, width, height) that `shape` takes, per photoUrl. */
export function sourceRect(photo: PhotoLike, shape: PhotoShape): Rect {
  const key = `${photoKey(photo)}|${shape.width}x${shape.height}`;
  let rect = rects.get(key);
  if (!rect) {
    rect = computeRect(photo, shape);
    rects.set(key, rect);
  }
  return [...rect];
}

/** What decides a photo's pixels: the original, the crop and the hotspot. Equal keys, equal variants. */
export function photoKey(photo: PhotoLike): string {
  const c = photo.crop;
  const h = photo.hotspot;
  return `${photo.asset._id}|${c ? `${c.top},${c.bottom},${c.left},${c.right}` : ''}|${h ? `${h.x},${h.y},${h.width},${h.height}` : ''}`;
}

function computeRect(photo: PhotoLike, shape: PhotoShape): Rect {
  const rect = photoUrl(photo, shape).searchParams.get('rect');
  if (rect) {
    const [x = 0, y = 0, w = 1, h = 1] = rect.split(',').map(Number);
    return [x, y, w, h];
  }
  const { width, height } = photo.asset.metadata.dimensions;
  return [0, 0, width, height];
}
