// Persian quoted in an English story, as Chromium lays it out: a pull quote
// and words quoted inline, each ending in a full stop. By the Unicode
// bidirectional algorithm (UAX #9) a full stop after right-to-left words in a
// left-to-right line goes to their right, where a reader of Persian starts;
// it belongs at their left end, where the sentence ends.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../../scripts/edge/static-server.ts';
import { launchChromium } from '../helpers/browser.ts';
import type { BuildRun } from '../helpers/site-build.ts';
import { buildSeedWith, paragraph, seedStory } from '../site/support/seed-with.ts';

const WORDS = 'تحریم‌ها شکست خورده‌اند.';
const QUOTE = { _type: 'quote', _id: 'quote-rtl-zarif', text: WORDS, speaker: { name: 'محمد جواد ظریف' } };
const STORY = seedStory('story-rtl-quotes', 'zarif-quoted', 'Zarif Quoted', 1, {
  body: [
    {
      ...paragraph('p1', ''),
      markDefs: [{ _type: 'quotation', _key: 'm1', quote: { _type: 'reference', _ref: QUOTE._id } }],
      children: [
        { _type: 'span', _key: 's1', text: 'He said “', marks: [] },
        { _type: 'span', _key: 's2', text: WORDS, marks: ['m1'] },
        { _type: 'span', _key: 's3', text: '” on Tuesday.', marks: [] },
      ],
    },
    { _type: 'pullQuote', _key: 'q1', text: WORDS, speaker: { name: 'محمد جواد ظریف' } },
  ],
});

let site: BuildRun;
let edge: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = await buildSeedWith([QUOTE, STORY]);
  edge = await startStaticServer({ root: () => site.outDir });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${edge.url}/story/${STORY.slug.current}`);
});

afterAll(async () => {
  await browser?.close();
  await edge?.close();
});

/** Where the quoted words' first letter and their full stop are drawn, in pixels from the left. */
function positions(selector: string) {
  return page.$eval(selector, (element) => {
    const text = element.firstChild as Text;
    const x = (at: number) => {
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      return range.getBoundingClientRect().x;
    };
    return { firstLetter: x(0), fullStop: x(text.data.length - 1) };
  });
}

describe('Persian quoted in an English story', () => {
  it.each([
    ['a pull quote', '.pull-quote blockquote p'],
    ['words quoted inline', 'q.quotation'],
  ])('ends %s with its full stop on the left', async (_name, selector) => {
    const { firstLetter, fullStop } = await positions(selector);
    expect(fullStop).toBeLessThan(firstLetter);
  });
});
