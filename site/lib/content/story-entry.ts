// What the site keeps of a story between the loader and the pages: every field
// of the query result except the Portable Text body, which is rendered once,
// here, into the story store. Pages then only place ready HTML in the chrome.
import { z } from 'zod';
import { photoResult } from '../../../schemas/queries/results.ts';
import { type StoryResult, storyResult } from '../../../schemas/queries/story.ts';
import { excerpt } from '../excerpt.ts';
import { responsiveImage } from '../images/responsive-image.ts';
import type { ImageVariant } from '../images/variant.ts';
import { renderPortableText } from '../portable-text/index.ts';
import { searchText } from '../search/search-text.ts';
import { countWords } from '../word-count.ts';
import { linkedStorySlugs } from './story-links.ts';

export const INLINE_PHOTO = { widths: [480, 800], sizes: '(min-width: 50rem) 46rem, 100vw' } as const;

export const renderedBody = z.object({
  /** Where the body HTML is (see story-store.ts): the store's path and the key in it. */
  store: z.string(),
  key: z.string(),
  /** The start of the body's words, for descriptions where the story has no dek. */
  excerpt: z.string(),
  headings: z.array(z.object({ id: z.string(), text: z.string(), depth: z.number() })),
  wordCount: z.number().int().nonnegative(),
  /** Slugs of the stories the body links to: a link to one that is gone is printed as plain words. */
  storyLinks: z.array(z.string()),
  /** The first photo the body shows: a story with no hero photo is pictured by it (seo/card-photo.ts). */
  firstPhoto: photoResult.optional(),
});

export const storyEntry = storyResult.omit({ body: true }).extend({ body: renderedBody });

/** What Astro's data store keeps of a story: where the loader stored it (see story-store.ts). */
// _rev too: the loader compares it with the lake's index to tell which stories changed.
export const storyPointer = z.object({ store: z.string(), _rev: z.string() });
export type StoryEntry = z.infer<typeof storyEntry>;
export type RenderedBody = z.infer<typeof renderedBody>;

export type RenderedStory = {
  html: string;
  /** The body's words as the search index holds them (search-text.ts). */
  searchText: string;
  body: Omit<RenderedBody, 'store' | 'key'>;
  /** Image variants the body links to. */
  images: ImageVariant[];
  /** What the renderer worked around, to log with the story. */
  diagnostics: { name: string; message: string }[];
};

/** Renders a validated story's body; the caller stores the HTML and keeps the rest. */
export function renderStoryBody(story: StoryResult, siteUrl: string | undefined): RenderedStory {
  const images: ImageVariant[] = [];
  let firstPhoto: RenderedBody['firstPhoto'];
  const rendered = renderPortableText(story.body, {
    documentId: story._id,
    siteUrl,
    imageFor: (photo) => {
      firstPhoto ??= photo;
      return responsiveImage(photo, { ...INLINE_PHOTO, onVariant: (v) => images.push(v) });
    },
  });
  return {
    html: rendered.html,
    searchText: searchText(rendered.plainText),
    body: {
      excerpt: excerpt(rendered.plainText, 300),
      headings: rendered.headings,
      wordCount: countWords(rendered.plainText),
      storyLinks: linkedStorySlugs(rendered.html, siteUrl),
      firstPhoto,
    },
    images,
    diagnostics: rendered.diagnostics,
  };
}
