// What the site hands the renderer. Image files and URLs are the site's
// business (it writes hashed files into the build), so they are injected.
import type { PhotoResult } from './body-types.ts';

/**
 * One image as the site publishes it. `src` and every `srcset` candidate must
 * be http(s) or a site path. There is no blurred placeholder: it would need a
 * style attribute or a data: URL, and the body allows neither; the site can
 * give `figure.photo img` a background colour in its stylesheet instead.
 */
export interface ImageRendition {
  src: string;
  width: number;
  height: number;
  /** A complete `srcset` value, e.g. `/img/a-640.jpg 640w, /img/a-1280.jpg 1280w`. */
  srcset?: string;
  /** The matching `sizes` value; give it whenever `srcset` uses `w` descriptors. */
  sizes?: string;
  /** Other formats, best first (e.g. AVIF, WebP); the photo becomes a <picture> with these as <source>s. */
  sources?: { type: string; srcset: string }[];
}

export interface RenderOptions {
  /** Publishes a body photo and says where it lives. Called once per inline photo. */
  imageFor: (photo: PhotoResult) => ImageRendition;
  /**
   * Rewrites a link the renderer already judged safe (for example to add a base
   * path to `/story/…`). Return `undefined` to print the words without a link.
   * The result is checked again, so it cannot smuggle in an unsafe address.
   */
  linkFor?: (href: string) => string | undefined;
  /** The site's own origin, e.g. `https://news.example`: absolute links to it are not off-site. */
  siteUrl?: string;
  /** Named in every diagnostic so a build log points at the story at fault. */
  documentId?: string;
  /** Throw a `PortableTextError` at the first diagnostic instead of working around it. */
  strict?: boolean;
}
