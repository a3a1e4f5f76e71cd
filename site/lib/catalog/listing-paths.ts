// The static paths of the listing routes (section, topic, author): each
// listing's front, and its numbered archive pages (see stable-pages.ts).

import { listingPageKey } from '../build/page-keys.ts';
import { htmlFile, planPages } from '../build/page-plan.ts';
import type { StoryEntry } from '../content/story-entry.ts';
import { type ListingKind, routes } from '../routes.ts';
import type { Listing } from './build-catalog.ts';
import { catalog } from './catalog.ts';
import { type Pager, stablePages } from './stable-pages.ts';

/** Stories per listing page: a screenful of headlines, and a light page. */
export const LISTING_PAGE_SIZE = 30;

export type ListingPageProps = {
  listing: Listing;
  stories: StoryEntry[];
  pager: Pager;
  /** The archive page number; absent on the listing's front. */
  page?: number;
};

async function listings(kind: ListingKind): Promise<readonly Listing[]> {
  const c = await catalog();
  return kind === 'section' ? c.sections : kind === 'topic' ? c.topics : c.authors;
}

export async function listingFrontPaths(kind: ListingKind) {
  const c = await catalog();
  return planPages(
    (await listings(kind)).map((listing) => {
      const pages = stablePages(listing.stories, LISTING_PAGE_SIZE);
      const props: ListingPageProps = { listing, stories: pages.front, pager: { older: pages.frontOlder } };
      const path = htmlFile(routes.listing(kind, listing.slug));
      return { params: { slug: listing.slug }, props, path, key: listingPageKey(c, props) };
    }),
  );
}

export async function listingArchivePaths(kind: ListingKind) {
  const c = await catalog();
  return planPages(
    (await listings(kind)).flatMap((listing) => {
      const pages = stablePages(listing.stories, LISTING_PAGE_SIZE);
      return pages.pages.map((page) => {
        const props: ListingPageProps = {
          listing,
          stories: page.items,
          pager: pages.pager(page.number),
          page: page.number,
        };
        const path = htmlFile(routes.listing(kind, listing.slug, page.number));
        return {
          params: { slug: listing.slug, page: String(page.number) },
          props,
          path,
          key: listingPageKey(c, props),
        };
      });
    }),
  );
}
