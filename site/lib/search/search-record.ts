// A story as the search index holds it: its words (headline, dek, bylines,
// topics and the opening of the body), what a result shows (meta), and the
// values readers filter by: section, author and month of publication.
import type { CustomRecord } from 'pagefind';
import type { StoryEntry } from '../content/story-entry.ts';
import { calendarDay } from '../dates.ts';
import { routes } from '../routes.ts';

/** Filter names, shared with the search page's form. */
export const SEARCH_FILTERS = ['section', 'author', 'month'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** `2026-11`: the month filter's value for a publication time. */
export function monthValue(iso: string): string {
  const { year, month } = calendarDay(iso);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * How much of the body is indexed: the opening paragraphs, which say who, what
 * and where. Measured at 10k stories, indexing whole bodies took Pagefind 12.5
 * CPU-seconds and 1.7 GB; the first 1,000 characters, 5 s and 0.8 GB.
 */
export const INDEXED_BODY_CHARS = 1000;

function opening(text: string): string {
  if (text.length <= INDEXED_BODY_CHARS) return text;
  const cut = text.lastIndexOf(' ', INDEXED_BODY_CHARS);
  return text.slice(0, cut > 0 ? cut : INDEXED_BODY_CHARS);
}

export function searchRecord(story: StoryEntry, bodyText: string): CustomRecord {
  const authors = [...new Set((story.bylines ?? []).map((b) => b.person.name))];
  return {
    url: routes.story(story.slug.current),
    language: 'en',
    content: [story.headline, story.dek, authors.join(', '), story.topics?.join(', '), opening(bodyText)]
      .filter(Boolean)
      .join('\n'),
    meta: {
      title: story.headline,
      date: story.publishedAt,
      section: story.section.name,
      ...(story.dek ? { dek: story.dek } : {}),
    },
    filters: {
      section: [story.section.name],
      author: authors,
      month: [monthValue(story.publishedAt)],
    } satisfies Record<SearchFilter, string[]>,
    sort: { date: story.publishedAt },
  };
}
