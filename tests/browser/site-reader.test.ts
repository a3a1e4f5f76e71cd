// The reader's site in a real browser (Debian's Chromium), served by the
// edge: axe-core finds no WCAG 2.2 AA violation on the front, section, story,
// author, search and 404 pages; the keyboard reaches a visible skip link;
// search finds live stories with its filters and never embargoed or draft
// ones; and without JavaScript the search page says what to do instead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../../scripts/edge/static-server.ts';
import { launchChromium } from '../helpers/browser.ts';
import {
  BODY_PHOTO,
  buildFixtureSite,
  DRAFT,
  EMBARGOED,
  type FixtureSite,
  FRESH,
} from '../site/support/fixture-site.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let site: FixtureSite;
let edge: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildFixtureSite();
  edge = await startStaticServer({ root: () => site.outDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await edge?.close();
});

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await page.goto(`${edge.url}${path}`);
  return page;
}

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const found = (await page.evaluate(
    (tags) =>
      (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe
        .run(document, { runOnly: { type: 'tag', values: tags } })
        .then((r) => r.violations),
    WCAG_22_AA,
  )) as AxeViolation[];
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function searchResults(page: Page): Promise<string[]> {
  await page.waitForFunction(() => !/Searching/.test(document.getElementById('search-status')?.textContent ?? ''));
  return page.$$eval('#search-results a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe('axe-core, WCAG 2.2 AA', () => {
  it.each([
    ['front', '/'],
    ['section', '/section/business'],
    ['story', `/story/${FRESH.slug}`],
    ['author', '/author/atta-kenare'],
    ['search', '/search'],
    ['search results', '/search?q=harbour&section=Business'],
    ['404', '/no-such-page'],
  ])('finds no violation on the %s page', async (_, path) => {
    const page = await open(path);
    if (path.includes('?q=')) expect((await searchResults(page)).length).toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('keyboard and no-JavaScript reading', () => {
  it('focuses a visible skip link first, which leads to the main content', async () => {
    const page = await open(`/story/${FRESH.slug}`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return {
        text: el.textContent,
        href: el.getAttribute('href'),
        left: box.left,
        outline: getComputedStyle(el).outlineStyle,
      };
    });
    expect(focused).toMatchObject({ text: 'Skip to content', href: '#main' });
    expect(focused.left).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid');
    await page.context().close();
  });

  // A story card once held its floated photo with overflow: hidden, which cut
  // off the left side of its headline link's focus outline (WCAG 2.4.7).
  it('draws the whole focus outline of a story card’s headline, unclipped by the card', async () => {
    const page = await open('/section/business');
    const link = page.locator('.story-card h2 a').first();
    await link.focus();
    const clipped = await link.evaluate((a) => {
      const box = a.getBoundingClientRect();
      const style = getComputedStyle(a);
      const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
      for (let el = a.parentElement; el && el !== document.body; el = el.parentElement) {
        if (getComputedStyle(el).overflowX === 'visible') continue;
        const edge = el.getBoundingClientRect();
        if (box.left - reach < edge.left || box.right + reach > edge.right) return `${el.className}`;
      }
      return undefined;
    });
    expect(clipped).toBeUndefined();
    await page.context().close();
  });

  it('reads a story with JavaScript off', async () => {
    const page = await open(`/story/${FRESH.slug}`, { javaScriptEnabled: false });
    expect(await page.textContent('h1')).toBe(FRESH.headline);
    expect(await page.isVisible('figure.hero img')).toBe(true);
    await page.context().close();
  });

  it('prints a story without the navigation, footer links or pagers, keeping the story itself', async () => {
    const page = await open(`/story/${FRESH.slug}`);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).display !== 'none');
    expect(await shown('.site-header nav')).toBe(false);
    expect(await shown('.site-footer .footer-groups')).toBe(false);
    expect(await shown('main h1')).toBe(true);
    expect(await shown('main figure')).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await shown('.site-header nav')).toBe(true);
    await page.context().close();
  });

  it('tells readers without JavaScript where else to look, instead of an empty search', async () => {
    const page = await open('/search?q=harbour', { javaScriptEnabled: false });
    expect(await page.isVisible('#search-fallback')).toBe(true);
    expect(await page.textContent('#search-fallback')).toContain('archive');
    await page.context().close();
  });
});

describe('search', () => {
  it('finds a live story by a word of its body, filtered by section', async () => {
    const page = await open('/search?q=levy&section=Business');
    expect(await searchResults(page)).toContain(`/story/${FRESH.slug}`);
    expect(await page.textContent('#search-status')).toMatch(/stor(y|ies) found for “levy”/);
    expect(await page.inputValue('#search-section')).toBe('Business');
    await page.context().close();
  });

  // "Stuxnet" is named only in the seed story's last paragraph, some 3,000
  // characters in, past where the index used to stop reading a body.
  it('finds a story by a word from its last paragraph, with that passage as the excerpt', async () => {
    const page = await open('/search?q=stuxnet');
    expect(await searchResults(page)).toEqual(['/story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail']);
    expect(await page.textContent('#search-results mark')).toBe('Stuxnet');
    await page.context().close();
  });

  it('honours the author and month filters', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const page = await open(`/search?author=${encodeURIComponent('Atta Kenare')}&month=${month}`);
    // Every story with Atta Kenare on its byline, in any role, as the author
    // pages and the filter's list of names count them: the fresh story (as
    // editor) and the body-photo story (as photographer).
    expect((await searchResults(page)).sort()).toEqual([`/story/${FRESH.slug}`, `/story/${BODY_PHOTO.slug}`].sort());
    const other = await open('/search?q=levy&section=World');
    expect(await searchResults(other)).not.toContain(`/story/${FRESH.slug}`);
    await page.context().close();
    await other.context().close();
  });

  // Pagefind's merged search orders the shards' results by score, which for a
  // date-sorted search interleaved the shards in no date order.
  it('lists every shard’s stories newest first when asked to', async () => {
    const page = await open('/search?q=the&sort=newest');
    const links = await searchResults(page);
    const times = await page.$$eval('#search-results time', (els) =>
      els.map((el) => Date.parse(el.getAttribute('datetime') ?? '')),
    );
    expect(links.length).toBeGreaterThan(10);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(links[0]).toBe(`/story/${FRESH.slug}`);
    await page.context().close();
  });

  it.each([
    ['embargoed', EMBARGOED.word],
    ['draft', DRAFT.word],
  ])('never finds the %s story', async (_, word) => {
    const page = await open(`/search?q=${word}`);
    expect(await searchResults(page)).toEqual([]);
    expect(await page.textContent('#search-status')).toBe(`No stories found for “${word}”.`);
    await page.context().close();
  });
});
