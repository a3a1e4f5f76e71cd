// The schema.org NewsArticle of a story page, with what Google's article and
// image-licence guidance asks for: headline, images credited (creditText,
// creator, copyrightHolder), authors with their pages (and the rest of the
// byline as contributors, see story-credits.ts), publication and modification
// dates, the publisher, the story's language, and each correction as a
// CorrectionComment.
import type { SiteSettingsResult } from '../../../schemas/queries/site-settings.ts';
import { storyModified } from '../catalog/modified.ts';
import type { StoryEntry } from '../content/story-entry.ts';
import { SITE_LANGUAGE } from '../story-language.ts';
import { cardPhoto } from './card-photo.ts';
import { photoRights } from './photo-rights.ts';
import { type StoryCredits, storyCredits } from './story-credits.ts';

export type ArticleImage = { url: string; width: number; height: number };

export type NewsArticleInput = {
  story: StoryEntry;
  settings: SiteSettingsResult;
  /** The story's absolute canonical URL. */
  url: string;
  /** The site's absolute home URL. */
  home: string;
  description: string;
  /** Absolute image URLs of the story's card photo (card size first): its hero, or else its first body photo. */
  images: readonly ArticleImage[];
  /** Absolute URL of a person's author page, when they have one. */
  authorUrl: (personId: string) => string | undefined;
};

export function newsArticle(input: NewsArticleInput): object {
  const { story, settings } = input;
  const publisher = { '@type': 'NewsMediaOrganization', name: settings.siteName, url: input.home };
  const photo = cardPhoto(story);
  const rights = photo ? photoRights(photo) : undefined;
  const credits = storyCredits(story);
  const person = (p: StoryCredits['authors'][number]) => ({
    '@type': 'Person',
    name: p.name,
    url: input.authorUrl(p._id),
    jobTitle: p.title,
  });
  const authors = credits.authors.map(person);
  const corrections = [...(story.corrections ?? [])]
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date))
    .map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: c.date }));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: story.headline,
    description: input.description,
    inLanguage: story.language || SITE_LANGUAGE,
    image: photo
      ? input.images.map((image) => ({
          '@type': 'ImageObject',
          url: image.url,
          contentUrl: image.url,
          width: image.width,
          height: image.height,
          caption: photo.caption,
          creditText: rights?.creditText,
          creator: rights?.creator,
          copyrightHolder: rights?.copyrightHolder,
        }))
      : undefined,
    datePublished: story.publishedAt,
    dateModified: storyModified(story),
    // A story without a byline is the newsroom's own.
    author: authors.length > 0 ? authors : [{ '@type': 'Organization', name: settings.siteName, url: input.home }],
    contributor: credits.contributors.length > 0 ? credits.contributors.map(person) : undefined,
    publisher,
    articleSection: story.section.name,
    keywords: story.topics?.length ? story.topics.join(', ') : undefined,
    wordCount: story.body.wordCount,
    isAccessibleForFree: true,
    correction: corrections.length > 0 ? corrections : undefined,
  };
}
