// Archive pages keep their stories when new ones are published: a reader's
// link to /section/x/page/3 (or a search engine's) still shows what it showed.
import { describe, expect, it } from 'vitest';
import { stablePages } from '../../../../site/lib/catalog/stable-pages.ts';

/** Stories 1..n, newest (n) first. */
const newsroom = (n: number) => Array.from({ length: n }, (_, i) => n - i);

describe('stablePages', () => {
  it('fronts the newest stories and points "older" at the page holding the next one', () => {
    const pages = stablePages(newsroom(95), 30);
    expect(pages.front).toEqual(newsroom(95).slice(0, 30));
    expect(pages.pages.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    const older = pages.pages.find((p) => p.number === pages.frontOlder);
    expect(older?.items).toContain(65);
  });

  it('puts every story on exactly one numbered page, newest first within it, oldest on page 1', () => {
    const pages = stablePages(newsroom(95), 30);
    const all = pages.pages.flatMap((p) => p.items);
    expect([...all].sort((a, b) => a - b)).toEqual(Array.from({ length: 95 }, (_, i) => i + 1));
    expect(pages.pages[0]?.items).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
    for (const page of pages.pages) expect(page.items).toEqual([...page.items].sort((a, b) => b - a));
  });

  it('keeps each full page unchanged as stories are published', () => {
    const before = stablePages(newsroom(95), 30);
    for (const published of [1, 7, 30, 64]) {
      const after = stablePages(newsroom(95 + published), 30);
      for (const page of before.pages.filter((p) => p.items.length === 30)) {
        expect(after.pages.find((p) => p.number === page.number)?.items).toEqual(page.items);
      }
    }
  });

  it('links pages newer and older, the newest page back to the front', () => {
    const pages = stablePages(newsroom(95), 30);
    expect(pages.pager(1)).toEqual({ newer: 2, older: undefined });
    expect(pages.pager(4)).toEqual({ newer: 'front', older: 3 });
  });

  it('has no numbered pages while the front holds everything', () => {
    const pages = stablePages(newsroom(30), 30);
    expect(pages.pages).toEqual([]);
    expect(pages.frontOlder).toBeUndefined();
  });
});
