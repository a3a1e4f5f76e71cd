// The head of a story page: its description, canonical URL, the social card
// with its card photo (a 1200×630 JPEG, described and credited), article
// times, section and tags, the NewsArticle, and the site's and section's feeds.
import type { SiteSettingsResult } from '../../../schemas/queries/site-settings.ts';
import { storyModified } from '../catalog/modified.ts';
import type { StoryEntry } from '../content/story-entry.ts';
import { socialImage } from '../images/social-image.ts';
import { absoluteUrl, routes } from '../routes.ts';
import { openGraphLocale } from '../story-language.ts';
import { cardPhoto } from './card-photo.ts';
import { sectionFeeds } from './listing-meta.ts';
import { newsArticle } from './news-article.ts';
import type { CardImage, PageMeta } from './page-meta.ts';
import { photoRights } from './photo-rights.ts';
import { storyCredits } from './story-credits.ts';
import { storyDescription } from './story-description.ts';

export type StoryMetaInput = {
  story: StoryEntry;
  settings: SiteSettingsResult;
  site: URL | undefined;
  /** Site path of a byline person's author page, when there is one. */
  authorUrl: (personId: string) => string | undefined;
  /** Whether the story's section has a page (and feeds) on the site. */
  sectionPublished: boolean;
};

export function storyMeta(input: StoryMetaInput): PageMeta {
  const { story, site } = input;
  const path = routes.story(story.slug.current);
  const description = storyDescription(story);
  const photo = cardPhoto(story);
  let card: CardImage | undefined;
  if (photo) {
    const social = socialImage(photo);
    card = { ...social, url: absoluteUrl(social.url, site), alt: `${photo.alt}. ${photoRights(photo).line}` };
  }
  const authorUrl = (id: string) => {
    const p = input.authorUrl(id);
    return p ? absoluteUrl(p, site) : undefined;
  };
  return {
    title: story.seo?.title?.trim() || story.headline,
    description,
    path,
    type: 'article',
    locale: openGraphLocale(story),
    image: card,
    noIndex: story.seo?.noIndex,
    article: {
      publishedTime: story.publishedAt,
      modifiedTime: storyModified(story),
      section: story.section.name,
      tags: story.topics ?? [],
      authors: storyCredits(story).authors.flatMap((p) => authorUrl(p._id) ?? []),
    },
    jsonLd: [
      newsArticle({
        story,
        settings: input.settings,
        url: absoluteUrl(path, site),
        home: absoluteUrl(routes.home(), site),
        description,
        images: card ? [card] : [],
        authorUrl,
      }),
    ],
    feeds: [
      ...sectionFeeds(undefined, input.settings.siteName),
      ...(input.sectionPublished
        ? sectionFeeds(story.section.slug.current, `${story.section.name} - ${input.settings.siteName}`)
        : []),
    ],
  };
}
