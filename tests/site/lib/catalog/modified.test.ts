// When a story, and a page listing stories, last changed: what sitemaps
// (lastmod), feeds (updated) and JSON-LD (dateModified) tell readers' tools.
import { describe, expect, it } from 'vitest';
import { latestModified, storyModified, storyUpdated } from '../../../../site/lib/catalog/modified.ts';

const story = (publishedAt: string, updatedAt?: string, ...corrections: string[]) => ({
  publishedAt,
  updatedAt,
  corrections: corrections.map((date, i) => ({ _key: `c${i}`, date, text: 'A correction.' })),
});

describe('when content last changed', () => {
  it('is a story’s latest of published, updated and its corrections, written as the newsroom wrote it', () => {
    expect(storyModified(story('2026-03-01T09:00:00Z'))).toBe('2026-03-01T09:00:00Z');
    expect(storyModified(story('2026-03-01T09:00:00Z', '2026-03-02T10:00:00+01:00'))).toBe('2026-03-02T10:00:00+01:00');
    // A correction after the last update is a change too.
    expect(storyModified(story('2026-03-01T09:00:00Z', '2026-03-02T10:00:00Z', '2026-03-04T08:30:00-05:00'))).toBe(
      '2026-03-04T08:30:00-05:00',
    );
  });

  it('compares instants, not the text: an earlier-looking time in a later zone can be the latest', () => {
    // 09:00 in New York is 14:00 UTC, after 12:00 UTC.
    const a = story('2026-03-01T12:00:00Z');
    const b = story('2026-03-01T09:00:00-05:00');
    expect(latestModified([a, b])).toBe('2026-03-01T09:00:00-05:00');
    expect(latestModified([b, a])).toBe('2026-03-01T09:00:00-05:00');
  });

  it('is a listing’s newest change, the first of equal instants, and none for no stories', () => {
    const older = story('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z');
    const newer = story('2026-01-15T00:00:00Z', undefined, '2026-02-10T00:00:00Z');
    const same = story('2026-02-10T01:00:00+01:00');
    expect(latestModified([older, newer, same])).toBe('2026-02-10T00:00:00Z');
    expect(latestModified([older, same, newer])).toBe('2026-02-10T01:00:00+01:00');
    expect(latestModified([])).toBeUndefined();
  });

  it('gives the same answer when asked again for the same stories', () => {
    const stories = [story('2026-05-01T00:00:00Z'), story('2026-04-01T00:00:00Z', '2026-05-02T00:00:00Z')];
    const first = latestModified(stories);
    expect(latestModified(stories)).toBe(first);
    expect(stories.map(storyModified)).toEqual(['2026-05-01T00:00:00Z', '2026-05-02T00:00:00Z']);
  });
});

// The story page's "Updated" line must say what its JSON-LD dateModified and
// article:modified_time say; it used to print updatedAt whenever its text
// differed from publishedAt.
describe('the Updated time a story page prints', () => {
  it('is the correction’s time when a correction was made without setting updatedAt', () => {
    const corrected = story('2026-03-01T09:00:00Z', undefined, '2026-03-01T15:30:00Z');
    expect(storyUpdated(corrected)).toBe('2026-03-01T15:30:00Z');
    expect(storyUpdated(corrected)).toBe(storyModified(corrected));
  });

  it('is nothing for an updatedAt set before publication (a scheduled story edited before it went live)', () => {
    expect(storyUpdated(story('2026-03-01T09:00:00Z', '2026-02-28T18:00:00Z'))).toBeUndefined();
  });

  it('is nothing for an updatedAt that is the publication time written another way', () => {
    expect(storyUpdated(story('2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00Z'))).toBeUndefined();
    expect(storyUpdated(story('2026-03-01T09:00:00Z', '2026-03-01T10:00:00+01:00'))).toBeUndefined();
  });

  it('is the last change after publication, and nothing for a story never changed', () => {
    expect(storyUpdated(story('2026-03-01T09:00:00Z', '2026-03-02T10:00:00Z'))).toBe('2026-03-02T10:00:00Z');
    expect(storyUpdated(story('2026-03-01T09:00:00Z'))).toBeUndefined();
  });
});
