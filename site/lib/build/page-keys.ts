// The key of each page kind: everything the page shows, so that a page is
// rendered again exactly when its output could differ. Every page carries the
// chrome (site settings and the section navigation from Base.astro). The
// incremental-equals-full test (tests/scripts/publisher/incremental.test.ts)
// is what proves these lists complete.

import type { ArchiveMonth } from '../catalog/archive-months.ts';
import type { ArchiveDay, Catalog, Listing } from '../catalog/build-catalog.ts';
import { authorPath, sectionPath, topicLinks } from '../catalog/links.ts';
import type { ListingPageProps } from '../catalog/listing-paths.ts';
import type { StoryEntry } from '../content/story-entry.ts';
import type { StoryLinkFates } from '../content/story-links.ts';
import { FEED_SIZE } from '../feeds/story-feed.ts';
import { fingerprint } from './fingerprint.ts';
import { formerStorySlugs } from './former-story-slugs.ts';
import { pageKey } from './page-plan.ts';

const chromeKeys = new WeakMap<Catalog, string>();

/** Site settings and the sections in the header: on every page, so worked out once per build. */
export function chromeKey(c: Catalog): string {
  let key = chromeKeys.get(c);
  if (key === undefined) {
    key = pageKey(
      fingerprint(c.settings),
      c.sections.map((s) => [s.slug, s.name]),
    );
    chromeKeys.set(c, key);
  }
  return key;
}

/**
 * A story's fingerprint is the digest its entry was made from: the document
 * as queried, with what it references, and the renderer's code (see
 * story-loader.ts). Hashing each entry's JSON again cost every build, and
 * every publish, about 0.1 s at 10k stories.
 */
export function storyPrint(story: StoryEntry | undefined): string {
  return story ? story.body.key : '-';
}

export function storyPageKey(c: Catalog, story: StoryEntry): string {
  return pageKey(
    chromeKey(c),
    storyPrint(story),
    (story.related ?? []).map((r) => storyPrint(c.story(r._id))),
    sectionPath(c, story.section),
    (story.bylines ?? []).map((b) => authorPath(c, b.person)),
    topicLinks(c, story.topics),
    [...storyLinkFates(c, story)].sort(([a], [b]) => a.localeCompare(b)),
  );
}

const liveSlugs = new WeakMap<Catalog, Set<string>>();

/**
 * The stories this story's body links to that are not live under the slug
 * linked: moved (their slug now, as the deploy's record of former addresses
 * tells) or gone (null).
 */
export function storyLinkFates(c: Catalog, story: StoryEntry): StoryLinkFates {
  let live = liveSlugs.get(c);
  if (!live) {
    live = new Set(c.stories.map((s) => s.slug.current));
    liveSlugs.set(c, live);
  }
  const fates = new Map<string, string | null>();
  for (const slug of story.body.storyLinks) {
    if (live.has(slug)) continue;
    const id = formerStorySlugs().get(slug);
    fates.set(slug, (id && c.story(id)?.slug.current) ?? null);
  }
  return fates;
}

function listingIdentity(listing: Listing): unknown[] {
  return [
    listing.kind,
    listing.slug,
    listing.name,
    listing.description,
    fingerprint(listing.person),
    fingerprint(listing.section),
  ];
}

export function listingPageKey(c: Catalog, props: ListingPageProps): string {
  return pageKey(chromeKey(c), listingIdentity(props.listing), props.stories.map(storyPrint), props.pager, props.page);
}

export function archiveMonthKey(c: Catalog, month: ArchiveMonth): string {
  return pageKey(
    chromeKey(c),
    month.year,
    month.month,
    month.days.map((d) => [d.key, d.stories.map(storyPrint)]),
  );
}

export function archiveDayKey(c: Catalog, day: ArchiveDay, newer?: ArchiveDay, older?: ArchiveDay): string {
  return pageKey(chromeKey(c), day.key, day.stories.map(storyPrint), newer?.key, older?.key);
}

/** A section's feeds: the site settings, the section, and the stories listed with their author links. */
export function sectionFeedKey(c: Catalog, section: Listing, feed: string): string {
  const shown = section.stories.slice(0, FEED_SIZE);
  return pageKey(
    fingerprint(c.settings),
    feed,
    listingIdentity(section),
    shown.map((s) => [storyPrint(s), (s.bylines ?? []).map((b) => authorPath(c, b.person))]),
  );
}
