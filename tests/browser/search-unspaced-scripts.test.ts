// Searching a story written without spaces between words, in Chromium. The
// index split words only at spaces, so a Chinese story was found only by the
// run of text its body began with: 法规 and 安全, words of its headline, found
// nothing. The excerpt a reader sees must read as the story was written: Thai
// puts spaces between phrases but not words, and its excerpts showed a space
// between every word.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../../scripts/edge/static-server.ts';
import { launchChromium } from '../helpers/browser.ts';
import type { BuildRun } from '../helpers/site-build.ts';
import { buildSeedWith, paragraph, seedStory } from '../site/support/seed-with.ts';
import { searchSite } from './support/search-page.ts';

const CHINESE_TEXT =
  '中华人民共和国国家互联网信息办公室周二发布了新的网络安全法规，要求所有互联网公司报告数据泄露事件。';
const CHINESE = seedStory('story-search-chinese', 'china-cybersecurity-rules', '中国宣布新的网络安全法规', 3, {
  language: 'zh-Hans',
  body: [paragraph('p1', CHINESE_TEXT)],
});
const JAPANESE = seedStory('story-search-japanese', 'tokyo-earthquake', '東京で地震が発生した', 4, {
  language: 'ja',
  body: [paragraph('p1', '気象庁によると、地震の規模はマグニチュード五・八でした。')],
});

// Two phrases, the story's own space between them.
const THAI_TEXT = 'รัฐบาลไทยประกาศมาตรการใหม่ เพื่อช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากน้ำท่วม';
const THAI_HEADLINE = 'รัฐบาลประกาศมาตรการช่วยเหลือน้ำท่วม';
const THAI = seedStory('story-search-thai', 'thailand-flood-relief', THAI_HEADLINE, 5, {
  language: 'th',
  body: [paragraph('p1', THAI_TEXT)],
});

let site: BuildRun;
let edge: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildSeedWith([CHINESE, JAPANESE, THAI]);
  edge = await startStaticServer({ root: () => site.outDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await edge?.close();
});

/** The result links and excerpts of a search, as the page lists them. */
const search = async (query: string) => (await searchSite(browser, edge.url, { q: query })).results;

describe('search in scripts written without spaces', () => {
  it.each([['法规'], ['安全'], ['网络安全'], ['互联网公司']])('finds the Chinese story by %s', async (query) => {
    const results = await search(query);
    expect(results.map((r) => r.href)).toEqual([`/story/${CHINESE.slug.current}`]);
  });

  it('shows the excerpt as the story wrote it, the match marked', async () => {
    const [result] = await search('法规');
    // No space between two Chinese characters, and the headline ends before the body begins.
    expect(result?.excerpt).toContain('中国宣布新的网络安全法规。中华人民共和国国家互联网信息办公室周二发布了');
    expect(result?.excerpt).not.toMatch(/\p{Script=Han} +\p{Script=Han}/u);
    expect(result?.marked).toContain('法规');
  });

  // The page around them is English: unmarked, screen readers speak them with
  // an English voice, and browsers choose their fonts for English, not for
  // Chinese or Japanese (WCAG 3.1.2, Language of Parts).
  it('marks the headline and excerpt of each result with its story’s language', async () => {
    expect((await search('法规'))[0]?.words).toEqual(['zh-Hans ltr', 'zh-Hans ltr']);
    expect((await search('地震'))[0]?.words).toEqual(['ja ltr', 'ja ltr']);
    expect((await search('Mehmanparast'))[0]?.words).toEqual([' ', ' ']);
  });

  it.each([['地震'], ['気象庁']])('finds the Japanese story by %s', async (query) => {
    expect((await search(query)).map((r) => r.href)).toEqual([`/story/${JAPANESE.slug.current}`]);
  });

  it('finds the Thai story by a word inside a phrase, and shows its excerpt with only its own spaces', async () => {
    const [result, ...others] = await search('เกษตรกร');
    expect(others).toEqual([]);
    expect(result?.href).toBe(`/story/${THAI.slug.current}`);
    expect(result?.marked).toEqual(['เกษตรกร']);
    // The headline, then as much of the body as an excerpt holds: a phrase
    // ends at the headline, so one space there, and one where the body has it.
    const excerpt = result?.excerpt ?? '';
    expect(excerpt.startsWith(`${THAI_HEADLINE} `)).toBe(true);
    const body = excerpt.slice(THAI_HEADLINE.length + 1);
    expect(body.length).toBeGreaterThan(40);
    expect(THAI_TEXT.startsWith(body)).toBe(true);
    expect(result?.words).toEqual(['th ltr', 'th ltr']);
  });

  // The last word of a phrase carries the invisible mark in the index's text;
  // the index must still find it by the word alone.
  it.each([['ใหม่'], ['น้ำท่วม']])('finds the Thai story by %s, a word that ends a phrase', async (query) => {
    const results = await search(query);
    expect(results.map((r) => r.href)).toEqual([`/story/${THAI.slug.current}`]);
    expect(results[0]?.marked.length).toBeGreaterThan(0);
  });

  // With no word of a shard beginning with the one typed, Pagefind used the
  // longest word there that the typed one begins with: 安全带 (seat belt) found
  // the cybersecurity story by 安全, 東京湾 (Tokyo Bay) the earthquake by 東京.
  it.each([
    ['安全带', '安全'],
    ['東京湾', '東京'],
    ['ประกาศนียบัตร', 'ประกาศ'],
  ])('finds nothing for %s, a word no story has, though a story has %s', async (query, shorter) => {
    const answer = await searchSite(browser, edge.url, { q: query });
    expect(answer.results).toEqual([]);
    expect(answer.status).toBe(`No stories found for “${query}”.`);
    const found = await search(shorter);
    expect(found).toHaveLength(1);
    expect(found[0]?.marked).toContain(shorter);
  });

  it.each([
    ['网', '网络', CHINESE],
    ['東', '東京', JAPANESE],
    ['เกษตร', 'เกษตรกร', THAI],
  ])('finds a story by %s, the start of its word %s', async (start, word, story) => {
    const results = await search(start);
    expect(results.map((r) => r.href)).toEqual([`/story/${story.slug.current}`]);
    expect(results[0]?.marked).toContain(word);
  });

  it('still finds English words', async () => {
    expect((await search('Mehmanparast')).map((r) => r.href)).toContain(
      '/story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail',
    );
  });
});
