// Search lists a story only if it holds what the reader typed, in Chromium
// against a built site. Pagefind, finding no word in a shard that begins with
// the one typed, used the longest word of that shard the typed one begins
// with: "attack" listed a French story with "à" marked and council stories
// with "at" marked. It also dropped a word found nowhere from the search, and
// found a whole word by others of its stem ("election" by "electricity"). And
// it searched the metadata readers never see: the language code, the date.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../../scripts/edge/static-server.ts';
import { launchChromium } from '../helpers/browser.ts';
import type { BuildRun } from '../helpers/site-build.ts';
import { buildSeedWith, paragraph, seedStory } from '../site/support/seed-with.ts';
import { type SearchAnswer, searchSite } from './support/search-page.ts';

// The only story in its index shard: "à" is the one word there that "attack" begins with.
const FRENCH = seedStory('story-search-fr', 'elections-municipales-paris', 'Les élections municipales à Paris', 3, {
  language: 'fr',
  body: [paragraph('p1', 'Les électeurs parisiens se rendent aux urnes à partir de dimanche pour choisir leur maire.')],
});
// Spread over four other shards.
const COUNCIL = [0, 1, 2, 3].map((n) =>
  seedStory(`story-search-en-${n}`, `council-vote-${n}`, `Council vote ${n} on the harbour`, 4 + n, {
    body: [paragraph('p1', 'The council met at noon to vote on the harbour plan. The election is next spring.')],
  }),
);
const ELECTRICITY = seedStory('story-search-electricity', 'grid-prices-rise', 'Electricity prices rise again', 9, {
  body: [paragraph('p1', 'The grid operator said electricity would cost more from March.')],
});
const ELECTORAL = seedStory('story-search-electoral', 'electoral-roll-reopens', 'Electoral roll reopens', 10, {
  body: [paragraph('p1', 'The commission reopened the electoral roll for late registrations.')],
});
const IRAN = '/story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';

const link = (story: { slug: { current: string } }) => `/story/${story.slug.current}`;
const COUNCIL_LINKS = COUNCIL.map(link);

let site: BuildRun;
let edge: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildSeedWith([FRENCH, ...COUNCIL, ELECTRICITY, ELECTORAL]);
  edge = await startStaticServer({ root: () => site.outDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await edge?.close();
});

/** The answer to `q`, after checking that the count the page gives is the count it lists. */
async function search(q: string, params: Record<string, string> = {}): Promise<SearchAnswer> {
  const answer = await searchSite(browser, edge.url, { q, ...params });
  const count = /^(\d+) stor(?:y|ies) found/.exec(answer.status)?.[1];
  expect(Number(count ?? 0), answer.status).toBe(answer.results.length);
  return answer;
}

const links = (answer: SearchAnswer) => answer.results.map((r) => r.href).sort();

describe('search results hold what the reader typed', () => {
  it.each([[{}], [{ sort: 'newest' }]])(
    'finds “attack” in the one story that has it, not “à” or “at” in others (%o)',
    async (params) => {
      const answer = await search('attack', params);
      expect(links(answer)).toEqual([IRAN]);
      expect(answer.status).toBe('1 story found for “attack”.');
      expect(answer.results[0]?.marked).toEqual(['Attacks', 'cyber-attacks']);
    },
  );

  it('finds nothing when one word typed is in no story', async () => {
    const answer = await search('council zebra');
    expect(answer.results).toEqual([]);
    expect(answer.status).toBe('No stories found for “council zebra”.');
  });

  it.each([
    ['élection', 'a word with its accent', [link(FRENCH), ...COUNCIL_LINKS]],
    ['elections', 'another form of a word', [link(FRENCH), ...COUNCIL_LINKS]],
    ['voting', 'another form of a word', COUNCIL_LINKS],
    ['harb', 'the start of a word', COUNCIL_LINKS],
    ['elect', 'the start of words', [link(FRENCH), ...COUNCIL_LINKS, link(ELECTRICITY), link(ELECTORAL)]],
  ])('still finds %s (%s) in every story that has it', async (query, _, expected) => {
    expect(links(await search(query))).toEqual([...expected].sort());
  });

  it('marks the words that match, not others of the same stem', async () => {
    const answer = await search('élection');
    const french = answer.results.find((r) => r.href === link(FRENCH));
    // électeurs shares the stem Pagefind searches (élect), but is not an election.
    expect(french?.marked).toEqual(['élections']);
    for (const result of answer.results) expect(result.marked.length).toBeGreaterThan(0);
  });

  it('does not find a whole word by other words of its stem: “election” is not “electricity”', async () => {
    const answer = await search('election');
    expect(links(answer)).toEqual([link(FRENCH), ...COUNCIL_LINKS].sort());
    for (const result of answer.results) {
      for (const word of result.marked) expect(word.toLowerCase()).toMatch(/^[eé]lections?$/);
    }
  });

  // The check reads the index files after Pagefind has: failing the second
  // fetch of each fails the check alone.
  it('shows Pagefind’s own results when the check cannot read the index, rather than no search', async () => {
    const answer = await searchSite(browser, edge.url, { q: 'attack' }, async (page) => {
      const fetched = new Set<string>();
      await page.route('**/pagefind/*/index/**', (route) => {
        const url = route.request().url();
        if (fetched.has(url)) return route.abort();
        fetched.add(url);
        return route.continue();
      });
    });
    expect(answer.status).toMatch(/^\d+ stor(y|ies) found for “attack”\.$/);
    expect(links(answer)).toContain(IRAN);
  });

  // The section is printed with each result, and readers type its name.
  it('finds the stories of a section by its name, though their words do not say it', async () => {
    const answer = await search('technology');
    expect(links(answer)).toContain(link(ELECTRICITY));
    // Marked as Pagefind marks a word: with the stop that ends its sentence.
    expect(answer.results.find((r) => r.href === link(ELECTRICITY))?.marked).toEqual(['Technology.']);
  });

  // The seed's headline quotes its words with curly quotes: ‘Soft War’, Iran’s.
  it('finds words a story quotes or writes with an apostrophe: “soft war”, “iran’s”, “irans”', async () => {
    for (const query of ['soft war', 'Soft', 'war', 'iran’s', "iran's", 'irans']) {
      const answer = await search(query);
      expect(links(answer), query).toContain(IRAN);
    }
    const soft = (await search('soft war')).results.find((r) => r.href === IRAN);
    expect(soft?.marked.map((w) => w.replace(/[‘’]/g, '').toLowerCase())).toEqual(
      expect.arrayContaining(['soft', 'war']),
    );
  });

  // A story's language code and publication date are in the index for the
  // page to show, not words of the story.
  it('does not find a story by its language code or publication date', async () => {
    const fr = await search('fr');
    expect(links(fr)).not.toContain(link(FRENCH));
    for (const result of fr.results) expect(result.marked.some((w) => /^fr/i.test(w))).toBe(true);
    const year = FRENCH.publishedAt.slice(0, 4);
    expect((await search(year)).status).toBe(`No stories found for “${year}”.`);
  });
});
