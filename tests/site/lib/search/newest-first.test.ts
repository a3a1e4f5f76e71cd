// "Newest first" on the search page merges the shards' date-sorted results
// itself: Pagefind's merged search orders every shard's results by score,
// which for date-sorted searches is no date order at all.
import { describe, expect, it } from 'vitest';
import { newestFirst } from '../../../../site/lib/search/client/newest-first.ts';
import type { PagefindResult } from '../../../../site/lib/search/client/pagefind-api.ts';

/** A shard's results, newest first, counting each data() call into `loads`. */
function shard(loads: string[], ...dates: string[]): PagefindResult[] {
  return dates.map((date) => ({
    id: date,
    words: [],
    data: async () => {
      loads.push(date);
      return { url: `/story/${date}`, content: '', locations: [], meta: { title: date, date } };
    },
  }));
}

describe('newest first across shards', () => {
  it('merges the shards by time, comparing instants (an offset time can be the newest)', async () => {
    const loads: string[] = [];
    const lists = [
      shard(loads, '2026-12-06T09:41:00Z', '2026-12-05T18:58:00Z'),
      shard(loads, '2026-12-06T23:17:00Z', '2026-12-06T12:01:00Z', '2026-11-30T00:00:00Z'),
      shard(loads),
      // 16:30 in Los Angeles is 00:30 UTC the next day: the newest of all.
      shard(loads, '2026-12-06T16:30:00-08:00', '2026-12-06T10:40:00Z'),
    ];
    const merged = await newestFirst(lists, 10);
    expect(merged.map((d) => d.meta.date)).toEqual([
      '2026-12-06T16:30:00-08:00',
      '2026-12-06T23:17:00Z',
      '2026-12-06T12:01:00Z',
      '2026-12-06T10:40:00Z',
      '2026-12-06T09:41:00Z',
      '2026-12-05T18:58:00Z',
      '2026-11-30T00:00:00Z',
    ]);
  });

  it('stops at the count shown, reading no more results than it needs', async () => {
    const loads: string[] = [];
    const older = Array.from({ length: 50 }, (_, i) => new Date(Date.UTC(2026, 0, 31) - i * 3_600_000).toISOString());
    const lists = [shard(loads, ...older), shard(loads, '2026-06-01T00:00:00Z', '2026-05-01T00:00:00Z')];
    const merged = await newestFirst(lists, 3);
    expect(merged.map((d) => d.meta.date)).toEqual(['2026-06-01T00:00:00Z', '2026-05-01T00:00:00Z', older[0]]);
    expect(loads.length).toBeLessThanOrEqual(3 + lists.length);
  });
});
