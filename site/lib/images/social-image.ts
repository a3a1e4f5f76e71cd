// The image social networks show in a shared link's card: one 1200×630 JPEG
// (the size OpenGraph and Twitter cards are laid out for, in the one format
// every crawler reads), cut from the photo around the editor's hotspot. A
// smaller original is scaled up rather than leaving the card half empty.
import type { PhotoResult } from '../../../schemas/queries/story.ts';
import { croppedSize, photoUrl, sourceRect } from './photo-source.ts';
import { fitRatio, MODE, photoVariant } from './responsive-image.ts';
import { type ImageVariant, QUALITY } from './variant.ts';
import { requireVariant } from './variant-registry.ts';

export const SOCIAL_WIDTH = 1200;
export const SOCIAL_HEIGHT = 630;

export type SocialImage = { url: string; width: number; height: number; type: 'image/jpeg' };

/** The card image; `url` is a site path in build mode, an absolute CDN URL in cdn mode. */
export function socialImage(photo: PhotoResult): SocialImage {
  const shape = { width: SOCIAL_WIDTH, height: SOCIAL_HEIGHT };
  const url =
    MODE === 'cdn' ? photoUrl(photo, shape, { fm: 'jpg', q: QUALITY.jpg }).href : requireVariant(socialVariant(photo));
  return { url, ...shape, type: 'image/jpeg' };
}

/** The card image's variant file. */
export function socialVariant(photo: PhotoResult): ImageVariant {
  const rect = sourceRect(photo, fitRatio(croppedSize(photo), SOCIAL_WIDTH / SOCIAL_HEIGHT));
  return photoVariant(photo, rect, { width: SOCIAL_WIDTH, height: SOCIAL_HEIGHT }, 'jpg');
}
