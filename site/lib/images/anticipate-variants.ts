// What the loader tells the encoder to start on for each new or changed story:
// the variants of its hero photo that its page and feed entries always show
// (the wide figure and the social card). A first build encodes them while the
// content loads, when one core is mostly idle, instead of while the pages
// render, when both are busy. Cards and portraits, shown for a few stories
// only, are left to the pages that ask for them.
import type { PhotoResult } from '../../../schemas/queries/story.ts';
import { PHOTO_LAYOUTS } from './photo-layouts.ts';
import { MODE, variantsFor } from './responsive-image.ts';
import { socialVariant } from './social-image.ts';
import { anticipateVariant } from './variant-registry.ts';

export function anticipateHeroVariants(photo: PhotoResult | undefined): void {
  if (!photo || MODE === 'cdn') return;
  for (const variant of variantsFor(photo, PHOTO_LAYOUTS.wide)) anticipateVariant(variant);
  anticipateVariant(socialVariant(photo));
}
