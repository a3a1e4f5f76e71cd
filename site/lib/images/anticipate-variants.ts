// What the loader tells the encoder to start on for each new or changed story:
// the variants of its hero photo that its page and feed entries always show
// (the wide figure and the social card), or for a story with no hero the
// social card of its first body photo. A first build encodes them while the
// content loads instead of all at once after the pages. Cards and portraits,
// shown for a few stories only, are left to the pages that ask for them.
import type { PhotoResult } from '../../../schemas/queries/story.ts';
import { PHOTO_LAYOUTS } from './photo-layouts.ts';
import { photoKey } from './photo-source.ts';
import { MODE, variantsFor } from './responsive-image.ts';
import { socialVariant } from './social-image.ts';
import { anticipateVariant, firstSightOfPhoto } from './variant-registry.ts';

export function anticipateHeroVariants(photo: PhotoResult | undefined): void {
  if (!photo || MODE === 'cdn') return;
  // Newsrooms reuse photos (the benchmark's 10k stories share 25); working out
  // a hero's variants and file names again for each story cost a 10k first
  // build 0.26 s on its busiest thread.
  if (!firstSightOfPhoto(photoKey(photo))) return;
  for (const variant of variantsFor(photo, PHOTO_LAYOUTS.wide)) anticipateVariant(variant);
  anticipateCardVariant(photo);
}

/**
 * The social card alone, for a story with no hero photo: it is cut from the
 * first photo in the body (seo/card-photo.ts), whose inline variants the body
 * itself requires. Not keyed by firstSightOfPhoto, which would then keep the
 * photo's wide variants from being anticipated when another story has it as
 * its hero; anticipateVariant announces each file once anyway.
 */
export function anticipateCardVariant(photo: PhotoResult | undefined): void {
  if (!photo || MODE === 'cdn') return;
  anticipateVariant(socialVariant(photo));
}
