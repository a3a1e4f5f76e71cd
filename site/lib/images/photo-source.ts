// The URL of a photo's original on the content host, cropped the way the
// editor set it in the Studio (crop rectangle and hotspot), in Sanity's image
// URL dialect so hosted Sanity's CDN and the embedded lake both understand it.
import { createImageUrlBuilder } from '@sanity/image-url';
import type { PhotoResult } from '../../../schemas/queries/story.ts';

export type PhotoShape = { width: number; height: number };

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
 * The original cropped to `shape`'s aspect ratio around the hotspot. The host
 * does only the crop; resizing and encoding happen in the build so the
 * variants end up as hashed files in dist.
 */
export function photoSourceUrl(photo: PhotoResult, shape?: PhotoShape): string {
  const asset = photo.asset;
  const origin = new URL(asset.url).origin;
  // /images/<projectId>/<dataset>/<file>
  const [, , projectId, dataset] = new URL(asset.url).pathname.split('/');
  const builder = createImageUrlBuilder({
    projectId: projectId ?? 'local',
    dataset: dataset ?? 'production',
    baseUrl: origin,
  });
  const source = { asset: { _ref: asset._id }, crop: photo.crop, hotspot: photo.hotspot };
  const target = shape ?? croppedSize(photo);
  return builder.image(source).width(target.width).height(target.height).fit('crop').url();
}
