// The <picture> of a responsive image as hast: the AVIF source for browsers
// that take it, the WebP <img> for every other browser, fixed dimensions so
// nothing shifts, and the blurred placeholder until the image arrives. One
// builder for the photo figures (Picture.astro) and the story cards
// (cards/story-card.ts), so both print the same markup.
import type { Element, Properties } from 'hast';
import { element } from '../portable-text/hast-build.ts';
import type { StoryLanguage } from '../story-language.ts';
import type { ResponsiveImage } from './responsive-image.ts';

export type PictureOptions = {
  /** Above the fold: load now, and first. */
  priority?: 'high' | 'eager';
  /** The alt text's language, when it is not the page's (lang on an <img> is its alt's). */
  words?: StoryLanguage;
};

export function pictureElement(image: ResponsiveImage, alt: string, options: PictureOptions = {}): Element {
  const { priority, words } = options;
  const sources = image.sources.map((s) =>
    element('source', { type: s.type, srcSet: s.srcset, sizes: image.sizes }, []),
  );
  const img: Properties = {
    src: image.src,
    srcSet: image.srcset,
    sizes: image.sizes,
    width: image.width,
    height: image.height,
    alt,
    ...(words ? { lang: words.lang, dir: words.dir } : {}),
    loading: priority ? 'eager' : 'lazy',
    ...(priority === 'high' ? { fetchPriority: 'high' } : {}),
    decoding: 'async',
    ...(image.placeholder ? { style: `background-image:url(${image.placeholder})` } : {}),
  };
  return element('picture', {}, [...sources, element('img', img, [])]);
}
