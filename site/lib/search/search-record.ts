// A story as the search index holds it: its words (headline, dek, bylines,
// topics and the body's text), what a result shows (meta),
// and the values readers filter by: section, author and month of publication.
import type { CustomRecord } from 'pagefind';
import type { StoryEntry } from '../content/story-entry.ts';
import { calendarDay } from '../dates.ts';
import { routes } from '../routes.ts';
import { storyLanguage } from '../story-language.ts';
import { indexedPart } from './unspaced-words.ts';

/** Filter names, shared with the search page's form. */
export const SEARCH_FILTERS = ['section', 'author', 'month'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** `2026-11`: the month filter's value for a publication time. */
export function monthValue(iso: string): string {
  const { year, month } = calendarDay(iso);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** A time as UTC ISO text, whose text order is its time order. */
function sortableTime(iso: string): string {
  return new Date(iso).toISOString();
}

/** `bodyText` is the body's words as the loader kept them (search-text.ts). */
export function searchRecord(story: StoryEntry, bodyText: string): CustomRecord {
  const authors = [...new Set((story.bylines ?? []).map((b) => b.person.name))];
  return {
    url: routes.story(story.slug.current),
    language: 'en',
    // The names, topics and section are searchable but come after the text,
    // each as a sentence of its own: Pagefind cuts a result's snippet from
    // this text, and a byline run into the story's words read as part of
    // them. The section is here because the search page counts only words of
    // this text as matches (client/genuine-matches.ts), and a reader who types
    // "Business" expects the section's stories. Chinese, Japanese and Thai are
    // split into words (unspaced-words.ts).
    content: [
      story.headline,
      story.dek,
      bodyText,
      authors.length ? `By ${authors.join(', ')}.` : '',
      story.topics?.length ? `Topics: ${story.topics.join(', ')}.` : '',
      `Section: ${story.section.name}.`,
    ]
      .flatMap((part) => (part ? [indexedPart(part)] : []))
      .join('\n'),
    meta: {
      title: story.headline,
      date: story.publishedAt,
      section: story.section.name,
      ...(story.dek ? { dek: story.dek } : {}),
      // The result's headline and excerpt are the story's words: the page
      // marks them with its language and direction, as a story card does.
      ...storyLanguage(story),
    },
    filters: {
      section: [story.section.name],
      author: authors,
      month: [monthValue(story.publishedAt)],
    } satisfies Record<SearchFilter, string[]>,
    // Pagefind sorts these strings as text, and publishedAt may carry any
    // offset ("2026-12-06T16:30:00-08:00" is after "2026-12-06T20:00:00Z"):
    // one form, UTC, makes text order time order.
    sort: { date: sortableTime(story.publishedAt) },
  };
}
