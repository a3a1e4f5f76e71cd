// The sizes a photo is shown at, by where it appears. Shared by the
// components that render photos and by the loader, which has the encoder make
// a story's hero variants while the content loads (anticipate-variants.ts).
import type { ResponsiveOptions } from './responsive-image.ts';

type Layout = Omit<ResponsiveOptions, 'onVariant'>;

export const PHOTO_LAYOUTS = {
  /** A story's full-width photo. */
  wide: { widths: [480, 800, 1200], sizes: '(min-width: 50rem) 46rem, 100vw' },
  /** An author's portrait beside the bio. */
  portrait: { widths: [160, 320], sizes: '10rem' },
  /** The lead story's photo on the front page, cut to 3:2. */
  leadCard: { widths: [480, 800, 1200], sizes: '(min-width: 50rem) 46rem, 100vw', aspectRatio: 3 / 2 },
  /** A listing's small photo, cut to 3:2. */
  thumbCard: { widths: [240, 480], sizes: '(min-width: 40rem) 12rem, 33vw', aspectRatio: 3 / 2 },
} as const satisfies Record<string, Layout>;
