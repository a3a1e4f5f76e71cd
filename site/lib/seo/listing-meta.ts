// Titles and descriptions of listing pages. An archive page names the dates it
// covers rather than "page 3 of 40", so its text, like its stories, stays put.
import type { SiteSettingsResult } from '../../../schemas/queries/site-settings.ts';
import type { ListingPageProps } from '../catalog/listing-paths.ts';
import { formatDate } from '../dates.ts';
import { excerpt } from '../excerpt.ts';
import { feedFormats } from '../feeds/formats.ts';
import { FEED_FORMATS, type FeedFormat, routes } from '../routes.ts';
import type { PageMeta } from './page-meta.ts';

function about(props: ListingPageProps, siteName: string): string {
  const { listing } = props;
  if (listing.kind === 'section') return listing.description ?? `The latest ${listing.name} stories from ${siteName}.`;
  if (listing.kind === 'topic') return `Stories about ${listing.name} from ${siteName}.`;
  const person = listing.person;
  const bio = person?.bio ? excerpt(person.bio, 160) : undefined;
  return bio ?? `Stories by ${listing.name}${person?.title ? `, ${person.title}` : ''}, for ${siteName}.`;
}

export function listingMeta(props: ListingPageProps, settings: SiteSettingsResult): PageMeta {
  const { listing, stories, page } = props;
  const name = listing.kind === 'topic' ? `Topic: ${listing.name}` : listing.name;
  const oldest = stories.at(-1);
  const newest = stories[0];
  const span = oldest && newest ? `, ${formatDate(oldest.publishedAt)} to ${formatDate(newest.publishedAt)}` : '';
  return {
    title: page === undefined ? name : `${name}: stories${span}`,
    description:
      page === undefined ? about(props, settings.siteName) : `${name} stories published${span.replace(/^,/, '')}.`,
    path: routes.listing(listing.kind, listing.slug, page),
    type: listing.kind === 'author' ? 'profile' : 'website',
    feeds: listing.kind === 'section' ? sectionFeeds(listing.slug, listing.name) : undefined,
  };
}

export function sectionFeeds(slug: string | undefined, name: string) {
  return FEED_FORMATS.map((format: FeedFormat) => ({
    format,
    title: `${name} (${feedFormats[format].label})`,
    href: routes.feed(format, slug),
  }));
}
