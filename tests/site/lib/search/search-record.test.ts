// What the search index holds of a story: "Newest first" sorts by the
// record's sort value, which Pagefind compares as text.
import { describe, expect, it } from 'vitest';
import type { StoryEntry } from '../../../../site/lib/content/story-entry.ts';
import { searchRecord } from '../../../../site/lib/search/search-record.ts';

const story = (id: string, publishedAt: string) =>
  ({
    _id: id,
    headline: `Story ${id}`,
    slug: { current: id },
    section: { name: 'World' },
    publishedAt,
  }) as unknown as StoryEntry;

describe('a story’s search record', () => {
  it('has a date sort value whose text order is time order, whatever offset publishedAt was written with', () => {
    const stories = [
      // 16:30 in Los Angeles is 00:30 UTC on the 7th: the newest.
      story('los-angeles', '2026-12-06T16:30:00-08:00'),
      story('utc', '2026-12-06T20:00:00Z'),
      story('tokyo', '2026-12-07T01:00:00+09:00'),
    ];
    const byText = stories
      .map((s) => ({ id: s._id, date: String(searchRecord(s, '').sort?.date) }))
      .sort((a, b) => (a.date < b.date ? 1 : -1))
      .map((r) => r.id);
    expect(byText).toEqual(['los-angeles', 'utc', 'tokyo']);
  });

  it('holds the bylines, topics and section after the text, as sentences of their own, so a snippet does not run them into it', () => {
    const record = searchRecord(
      {
        ...story('b', '2026-12-06T20:00:00Z'),
        dek: 'Prices rose.',
        bylines: [{ person: { name: 'Yara Nakamura' } }, { person: { name: 'Ines Ulrich' } }],
        topics: ['Oil', 'Climate'],
      } as unknown as StoryEntry,
      'The refinery reopened on Monday.',
    );
    expect(record.content).toBe(
      'Story b\nPrices rose.\nThe refinery reopened on Monday.\nBy Yara Nakamura, Ines Ulrich.\nTopics: Oil, Climate.\nSection: World.',
    );
  });

  it('keeps the date as written for the result to print', () => {
    expect(searchRecord(story('a', '2026-12-06T16:30:00-08:00'), '').meta?.date).toBe('2026-12-06T16:30:00-08:00');
  });

  it('names the language and direction of a story not in the site’s language, for the result to mark its words', () => {
    const persian = { ...story('fa', '2026-12-06T20:00:00Z'), language: 'fa' } as StoryEntry;
    expect(searchRecord(persian, '').meta).toMatchObject({ lang: 'fa', dir: 'rtl' });
    const english = searchRecord(story('en', '2026-12-06T20:00:00Z'), '').meta;
    expect(english?.lang).toBeUndefined();
    expect(english?.dir).toBeUndefined();
  });
});
