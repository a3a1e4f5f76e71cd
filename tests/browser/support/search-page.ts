// A search on the reader's site, as a reader sees its answer: the status line
// and each result's link, excerpt and marked words, with the language and
// direction its headline and excerpt carry.
import type { Browser, Page } from 'playwright-core';

export type SearchResult = {
  href: string;
  excerpt: string;
  marked: string[];
  /** `lang dir` of the headline, then of the excerpt. */
  words: string[];
};

export type SearchAnswer = { status: string; results: SearchResult[] };

/** Opens /search with `params` (q, sort, filters), after `before` (routes, say), and waits for the page to answer. */
export async function searchSite(
  browser: Browser,
  siteUrl: string,
  params: Record<string, string>,
  before?: (page: Page) => Promise<void>,
): Promise<SearchAnswer> {
  const page = await browser.newPage();
  try {
    await before?.(page);
    await page.goto(`${siteUrl}/search?${new URLSearchParams(params)}`);
    await page.waitForFunction(() => !/Searching/.test(document.getElementById('search-status')?.textContent ?? ''));
    const status = (await page.textContent('#search-status')) ?? '';
    const results = await page.$$eval('#search-results li', (items) =>
      items.map((li) => ({
        href: li.querySelector('a')?.getAttribute('href') ?? '',
        excerpt: li.querySelector('p:last-child')?.textContent ?? '',
        marked: Array.from(li.querySelectorAll('mark'), (m) => m.textContent ?? ''),
        words: [li.querySelector('h2'), li.querySelector('p:last-child')].map(
          (el) => `${el?.getAttribute('lang') ?? ''} ${el?.getAttribute('dir') ?? ''}`,
        ),
      })),
    );
    return { status, results };
  } finally {
    await page.close();
  }
}
