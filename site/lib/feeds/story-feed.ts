// The feed of the whole site or of one section: its newest stories, each with
// its authors (story-credits.ts) and its card image and credit, from the same
// catalog the pages are built from.
import type { PhotoResult } from '../../../schemas/queries/story.ts';
import type { Catalog, Listing } from '../catalog/build-catalog.ts';
import { authorPath } from '../catalog/links.ts';
import { latestModified, storyModified } from '../catalog/modified.ts';
import type { StoryEntry } from '../content/story-entry.ts';
import { socialImage } from '../images/social-image.ts';
import { absoluteUrl, type FeedFormat, routes } from '../routes.ts';
import { cardPhoto } from '../seo/card-photo.ts';
import { photoRights } from '../seo/photo-rights.ts';
import { storyCredits } from '../seo/story-credits.ts';
import { storyDescription } from '../seo/story-description.ts';
import { SITE_LANGUAGE, storyLanguage } from '../story-language.ts';
import { storyFeedId } from './feed-id.ts';
import type { FeedImage, FeedItem, FeedModel } from './feed-model.ts';

/** Stories per feed: a day or two of a busy newsroom, as feed readers poll often. */
export const FEED_SIZE = 50;

export type StoryFeedOptions = {
  catalog: Catalog;
  site: URL | undefined;
  format: FeedFormat;
  /** A section's feed; the whole site's when absent. */
  section?: Listing;
};

export function storyFeed(options: StoryFeedOptions): FeedModel {
  const { catalog, site, section } = options;
  const settings = catalog.settings;
  const stories = (section ? section.stories : catalog.stories).slice(0, FEED_SIZE);
  const items = stories.map((story) => feedItem(catalog, story, site));
  return {
    title: section ? `${section.name} - ${settings.siteName}` : settings.siteName,
    description: (section ? section.description : settings.tagline) ?? `The latest stories from ${settings.siteName}.`,
    homeUrl: absoluteUrl(section ? routes.section(section.slug) : routes.home(), site),
    selfUrl: absoluteUrl(routes.feed(options.format, section?.slug), site),
    language: SITE_LANGUAGE,
    publisher: { name: settings.siteName, url: absoluteUrl(routes.home(), site) },
    updated: latestModified(stories) ?? settings._updatedAt ?? '1970-01-01T00:00:00Z',
    items,
  };
}

function feedItem(catalog: Catalog, story: StoryEntry, site: URL | undefined): FeedItem {
  return {
    id: storyFeedId(story, site),
    url: absoluteUrl(routes.story(story.slug.current), site),
    title: story.headline,
    summary: storyDescription(story),
    published: story.publishedAt,
    modified: storyModified(story),
    authors: storyCredits(story).authors.map((person) => {
      const path = authorPath(catalog, person);
      return { name: person.name, url: path ? absoluteUrl(path, site) : undefined };
    }),
    section: story.section.name,
    tags: story.topics ?? [],
    image: feedImage(cardPhoto(story), site),
    language: storyLanguage(story)?.lang,
  };
}

function feedImage(photo: PhotoResult | undefined, site: URL | undefined): FeedImage | undefined {
  if (!photo) return undefined;
  const image = socialImage(photo);
  return { ...image, url: absoluteUrl(image.url, site), alt: photo.alt, credit: photoRights(photo).line };
}
