// When content last changed, as feeds (updated), sitemaps (lastmod) and
// JSON-LD (dateModified) report it: a story changes when it is published,
// updated or corrected; a page listing stories changes with its newest change.
import type { StoryEntry } from '../content/story-entry.ts';

type Dated = Pick<StoryEntry, 'publishedAt' | 'updatedAt' | 'corrections'>;

/** The item whose time is latest: the first of equals; one without a time (NaN) never. */
function latestBy<T>(items: Iterable<T>, time: (item: T) => number): T | undefined {
  let latest: T | undefined;
  let latestTime = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const t = time(item);
    if (t > latestTime) {
      latest = item;
      latestTime = t;
    }
  }
  return latest;
}

/** The latest of some ISO date-times, as written (their offsets kept), or undefined for none. */
export function latestOf(dates: Iterable<string | undefined>): string | undefined {
  return latestBy(dates, (iso) => (iso ? Date.parse(iso) : Number.NaN));
}

// A story's last change, worked out once per build: every listing page's
// sitemap entry, feed and archive asks again for the stories it shows, and
// parsing their dates each time cost every build and publish about 0.1 s.
const modified = new WeakMap<Dated, { iso: string; time: number }>();

function modifiedOf(story: Dated): { iso: string; time: number } {
  let known = modified.get(story);
  if (!known) {
    const iso =
      latestOf([story.publishedAt, story.updatedAt, ...(story.corrections ?? []).map((c) => c.date)]) ??
      story.publishedAt;
    known = { iso, time: Date.parse(iso) };
    modified.set(story, known);
  }
  return known;
}

/** The latest of publishedAt, updatedAt and the corrections' dates. */
export function storyModified(story: Dated): string {
  return modifiedOf(story).iso;
}

/**
 * The "Updated" time a story's page prints: its last change (an update or a
 * correction), when that is after publication; undefined otherwise. Pages
 * print what JSON-LD, article:modified_time and the feeds report, so an
 * updatedAt set before publication, or one that is publication time written
 * another way, prints no update, and a correction made without touching
 * updatedAt does.
 */
export function storyUpdated(story: Dated): string | undefined {
  const latest = modifiedOf(story);
  return latest.time > Date.parse(story.publishedAt) ? latest.iso : undefined;
}

/** The latest change among `stories`, or undefined for none. */
export function latestModified(stories: readonly Dated[]): string | undefined {
  const latest = latestBy(stories, (story) => modifiedOf(story).time);
  return latest && modifiedOf(latest).iso;
}
