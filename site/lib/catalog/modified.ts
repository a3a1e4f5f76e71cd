// When content last changed, as feeds (updated), sitemaps (lastmod) and
// JSON-LD (dateModified) report it: a story changes when it is published,
// updated or corrected; a page listing stories changes with its newest change.
import type { StoryEntry } from '../content/story-entry.ts';

type Dated = Pick<StoryEntry, 'publishedAt' | 'updatedAt' | 'corrections'>;

/** The latest of some ISO date-times, as written (their offsets kept), or undefined for none. */
export function latestOf(dates: Iterable<string | undefined>): string | undefined {
  let latest: string | undefined;
  let latestTime = Number.NEGATIVE_INFINITY;
  for (const iso of dates) {
    const time = iso ? Date.parse(iso) : Number.NaN;
    if (time > latestTime) {
      latest = iso;
      latestTime = time;
    }
  }
  return latest;
}

/** The latest of publishedAt, updatedAt and the corrections' dates. */
export function storyModified(story: Dated): string {
  return (
    latestOf([story.publishedAt, story.updatedAt, ...(story.corrections ?? []).map((c) => c.date)]) ?? story.publishedAt
  );
}

/** The latest change among `stories`, or undefined for none. */
export function latestModified(stories: readonly Dated[]): string | undefined {
  return latestOf(stories.map(storyModified));
}
