// Persian in an English story, as Chromium lays it out. By the Unicode
// bidirectional algorithm (UAX #9), a neutral character between right-to-left
// words takes their direction, and one after them at the end of a
// left-to-right line takes the line's: so the full stop of a quote in Persian
// goes to its right, where a reader of Persian starts, not its left end; and
// two Persian names with a comma or slash between them ("A, B", "A/B") are
// laid out as one right-to-left run, B first, for a reader of the English.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../../scripts/edge/static-server.ts';
import { launchChromium } from '../helpers/browser.ts';
import type { BuildRun } from '../helpers/site-build.ts';
import { buildSeedWith, paragraph, seedStory } from '../site/support/seed-with.ts';

const WORDS = 'تحریم‌ها شکست خورده‌اند.';
const QUOTE = { _type: 'quote', _id: 'quote-rtl-zarif', text: WORDS, speaker: { name: 'محمد جواد ظریف' } };
const person = (id: string, name: string) => ({ _type: 'person', _id: id, name, slug: { _type: 'slug', current: id } });
const REPORTERS = [person('reporter-zarif', 'محمد ظریف'), person('reporter-larijani', 'علی لاریجانی')];
const byline = (ref: string) => ({
  _type: 'byline',
  _key: ref,
  person: { _type: 'reference', _ref: ref },
  role: 'Reporter',
});
const STORY = seedStory('story-rtl-quotes', 'zarif-quoted', 'Zarif Quoted', 1, {
  bylines: [...REPORTERS.map((r) => byline(r._id)), byline('person-atta-kenare')],
  // The seed's photo, already in the lake.
  heroPhoto: {
    _type: 'photo',
    asset: { _type: 'reference', _ref: 'image-90d15cfd24db63da834d3314f0a78ba7ecd19b54-1200x800-jpg' },
    alt: 'A spokesman at a lectern',
    credit: { photographer: { name: 'عطا کنارے' }, agencies: ['ایرنا'] },
  },
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
  site = await buildSeedWith([QUOTE, ...REPORTERS, STORY]);
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

/** Where each name's first letter is drawn inside an element, in pixels from the left, whatever the markup around it. */
function firstLetters(selector: string, names: readonly string[]) {
  return page.$eval(
    selector,
    (element, wanted) =>
      wanted.map((name) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const at = node.data.indexOf(name);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          return range.getBoundingClientRect().x;
        }
        throw new Error(`${name} is not in ${element.outerHTML}`);
      }),
    names,
  );
}

describe('Persian names in an English line', () => {
  it('are printed in byline order, left to right: "By A, B and C"', async () => {
    const [first, second] = await firstLetters('.byline', ['محمد ظریف', 'علی لاریجانی']);
    expect(first).toBeLessThan(second as number);
  });

  it('are credited in order under the photo: "Photographer: A/B"', async () => {
    const [first, second] = await firstLetters('.hero .credit', ['عطا کنارے', 'ایرنا']);
    expect(first).toBeLessThan(second as number);
  });
});
