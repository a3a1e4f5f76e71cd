// A story page on a 320-pixel phone (WCAG 2.2 SC 1.4.10, Reflow: no scrolling
// sideways at 320 CSS pixels) when its words do not fit a line: a pasted
// address in the body, a long compound in the headline, dek, caption, pull
// quote and topic.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../../scripts/edge/static-server.ts';
import { launchChromium } from '../helpers/browser.ts';
import type { BuildRun } from '../helpers/site-build.ts';
import { buildSeedWith, paragraph, seedStory } from '../site/support/seed-with.ts';

const ADDRESS = `https://example.com/documents/${'a'.repeat(300)}`;
const WORD = 'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz';
const STORY = seedStory('story-long-words', 'long-words', `The ${WORD} Is Repealed`, 1, {
  dek: `Lawmakers repealed the ${WORD}.`,
  topics: [WORD],
  body: [
    paragraph('p1', `The text is at ${ADDRESS} for now.`),
    { _type: 'pullQuote', _key: 'q1', text: `The ${WORD} is gone.`, speaker: { name: WORD } },
  ],
});

let site: BuildRun;
let edge: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildSeedWith([STORY]);
  edge = await startStaticServer({ root: () => site.outDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await edge?.close();
});

describe('words longer than a phone is wide', () => {
  it.each([
    ['the story', `/story/${STORY.slug.current}`],
    ['the section', '/section/technology'],
  ])('wrap on %s page, which neither scrolls sideways nor cuts text off at 320 pixels', async (_name, path) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${edge.url}${path}`);
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scrollWidth).toBe(clientWidth);
    // A story card hides what overflows it: its text would be cut off, not scrolled to.
    const overflowing = await page.$$eval('main h1, main h2, main h3, main p, main li, main figcaption', (elements) =>
      elements.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.tagName}: ${e.textContent}`),
    );
    expect(overflowing).toEqual([]);
    await context.close();
  });
});
