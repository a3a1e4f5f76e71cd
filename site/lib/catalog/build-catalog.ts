// The site's view of what is live in this build, grouped the ways readers
// browse: by section, topic, author and day. Only stories the loader kept are
// here (valid, published, not embargoed), so every page, feed, sitemap and the
// search index built from the catalog shows exactly the same set of stories.
import type { PersonResult } from '../../../schemas/queries/person.ts';
import type { SectionResult } from '../../../schemas/queries/section.ts';
import type { SiteSettingsResult } from '../../../schemas/queries/site-settings.ts';
import type { StoryEntry } from '../content/story-entry.ts';
import { type CalendarDay, calendarDay, dayKey } from '../dates.ts';
import type { ListingKind } from '../routes.ts';
import { topicSlug } from './topic-slug.ts';

/** Stories grouped under one section, topic or author, newest first. */
export type Listing = {
  kind: ListingKind;
  slug: string;
  name: string;
  description?: string;
  stories: StoryEntry[];
  section?: SectionResult;
  person?: PersonResult;
};

export type ArchiveDay = CalendarDay & { key: string; stories: StoryEntry[] };

export type CatalogInput = {
  settings: SiteSettingsResult;
  stories: readonly StoryEntry[];
  sections: readonly SectionResult[];
  people: readonly PersonResult[];
};

export type Catalog = {
  settings: SiteSettingsResult;
  /** Every live story, newest first. */
  stories: readonly StoryEntry[];
  /** Every section, in the collection's order, even those with no story yet. */
  sections: readonly Listing[];
  /** Every topic a live story carries, by name. */
  topics: readonly Listing[];
  /** Every person, by name: bylines link here. */
  authors: readonly Listing[];
  /** Days with stories, newest first. */
  days: readonly ArchiveDay[];
  listing(kind: ListingKind, slug: string): Listing | undefined;
  story(id: string): StoryEntry | undefined;
};

export function buildCatalog(input: CatalogInput): Catalog {
  const stories = newestFirst(input.stories);
  const sections = input.sections.map(
    (section): Listing => ({
      kind: 'section',
      slug: section.slug.current,
      name: section.name,
      description: section.description,
      stories: [],
      section,
    }),
  );
  const authors = input.people.map(
    (person): Listing => ({
      kind: 'author',
      slug: person.slug.current,
      name: person.name,
      description: person.title,
      stories: [],
      person,
    }),
  );
  const sectionById = new Map(sections.map((l) => [l.section?._id, l]));
  const authorById = new Map(authors.map((l) => [l.person?._id, l]));
  const topics = new Map<string, Listing>();
  const days = new Map<string, ArchiveDay>();

  for (const story of stories) {
    sectionById.get(story.section._id)?.stories.push(story);
    // A person credited twice on one story (say, as reporter and photographer) lists it once.
    for (const id of new Set(story.bylines?.map((b) => b.person._id))) authorById.get(id)?.stories.push(story);
    for (const name of story.topics ?? []) {
      const slug = topicSlug(name);
      if (!slug) continue;
      let topic = topics.get(slug);
      if (!topic) {
        topic = { kind: 'topic', slug, name, stories: [] };
        topics.set(slug, topic);
      }
      if (topic.stories.at(-1) !== story) topic.stories.push(story);
    }
    const day = calendarDay(story.publishedAt);
    const key = dayKey(day);
    let archiveDay = days.get(key);
    if (!archiveDay) {
      archiveDay = { ...day, key, stories: [] };
      days.set(key, archiveDay);
    }
    archiveDay.stories.push(story);
  }

  const byName = (a: Listing, b: Listing) => a.name.localeCompare(b.name, 'en') || a.slug.localeCompare(b.slug);
  const index = {
    section: new Map(sections.map((l) => [l.slug, l])),
    topic: topics,
    author: new Map(authors.map((l) => [l.slug, l])),
  } satisfies Record<ListingKind, Map<string, Listing>>;
  const byId = new Map(stories.map((s) => [s._id, s]));
  return {
    settings: input.settings,
    stories,
    sections,
    topics: [...topics.values()].sort(byName),
    authors: [...authors].sort(byName),
    days: [...days.values()],
    listing: (kind, slug) => index[kind].get(slug),
    story: (id) => byId.get(id),
  };
}

/** Newest first; stories published the same minute keep one order from build to build. */
function newestFirst(stories: readonly StoryEntry[]): StoryEntry[] {
  const timed = stories.map((story) => ({ story, time: Date.parse(story.publishedAt) }));
  timed.sort((a, b) => b.time - a.time || (a.story._id < b.story._id ? -1 : 1));
  return timed.map((t) => t.story);
}
