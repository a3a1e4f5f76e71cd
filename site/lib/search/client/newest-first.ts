// "Newest first" across the search index's shards. Pagefind sorts by date
// within one index, but its merged search (mergeIndex) puts the results of
// every index into one list ordered by score alone, and a date-sorted index's
// scores only rank its own results: the merged list came back in no date
// order at all. So each shard is searched on its own (search-page.ts), each
// list is newest first, and this merges them, reading a result's date only
// when it reaches the head of its list.
import type { LoadableResult, PagefindResultData } from './pagefind-api.ts';

type Head = { list: readonly LoadableResult[]; at: number; data?: PagefindResultData; time: number };

/** Undated results (there should be none) sort last. */
const timeOf = (data: PagefindResultData) => Date.parse(data.meta.date ?? '') || Number.NEGATIVE_INFINITY;

async function advance(head: Head): Promise<void> {
  const next = head.list[head.at];
  head.data = next ? await next.data() : undefined;
  head.time = head.data ? timeOf(head.data) : Number.NEGATIVE_INFINITY;
}

/** The `count` newest of several newest-first lists; loads at most count + lists.length results' data. */
export async function newestFirst(
  lists: readonly (readonly LoadableResult[])[],
  count: number,
): Promise<PagefindResultData[]> {
  const heads: Head[] = lists.map((list) => ({ list, at: 0, time: Number.NEGATIVE_INFINITY }));
  await Promise.all(heads.map(advance));
  const out: PagefindResultData[] = [];
  while (out.length < count) {
    let best: Head | undefined;
    for (const head of heads) if (head.data && (!best || head.time > best.time)) best = head;
    if (!best?.data) break;
    out.push(best.data);
    best.at++;
    await advance(best);
  }
  return out;
}
