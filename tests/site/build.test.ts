// The foundation's promise: `npm run build`, with nothing running beforehand,
// starts the embedded lake, seeds it from content/ and writes a static site
// whose seed story page holds what the reference page holds.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuildRun, readPage, runBuild, tempDir } from '../helpers/site-build.ts';

const STORY = 'story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail.html';
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('npm run build on a fresh clone (embedded lake, seed content)', () => {
  let run: BuildRun;
  let page: Root;
  const lakeDir = join(tempDir('newsroom-lake-'), 'lake');

  beforeAll(async () => {
    run = await runBuild({ lakeDir, strict: true });
    if (run.code !== 0) throw new Error(`build failed:\n${run.output}`);
    page = readPage(run.outDir, STORY);
  });

  it('seeds the embedded lake from content/ on first run', () => {
    expect(run.output).toContain('First run: seeding the embedded lake');
    expect(existsSync(lakeDir)).toBe(true);
  });

  it('writes no news sitemap while no story is from the last two days (the seed is from 2012)', () => {
    expect(existsSync(join(run.outDir, 'sitemaps/news.xml'))).toBe(false);
    expect(readFileSync(join(run.outDir, 'sitemap.xml'), 'utf8')).not.toContain('news.xml');
    expect(existsSync(join(run.outDir, 'sitemaps/pages.xml'))).toBe(true);
  });

  it('has the headline as the page heading', () => {
    expect(textOf(select('h1', page) as Element)).toBe('Iran’s Mehmanparast Says ‘Soft War’ Cyber Attacks to Fail');
  });

  it('has the hero photo with its alt text, caption and credit', () => {
    const figure = select('figure.hero', page) as Element;
    expect(select('img', figure)?.properties.alt).toBe("Iran's Foreign Ministry Spokesman Ramin Mehmanparast");
    expect(textOf(select('.caption', figure) as Element)).toBe(
      "Iran's Foreign Ministry Spokesman Ramin Mehmanparast told reporters in Tehran, “Illegitimate regimes are producing viruses” and “trying to use the cyber space and this will not be really effective.”",
    );
    expect(textOf(select('.credit', figure) as Element)).toBe('Photographer: Atta Kenare/AFP/Getty Images');
  });

  it('writes every variant of the hero image into the build, so the site never calls the lake', () => {
    const picture = select('figure.hero picture', page) as Element;
    const types = selectAll('source', picture).map((s) => s.properties.type);
    expect(types).toEqual(['image/avif']);
    const img = select('img', picture) as Element;
    expect(img.properties).toMatchObject({ width: 1200, height: 800 });
    // Browsers without AVIF get WebP: every browser since 2020 reads it.
    expect(String(img.properties.src)).toMatch(/\.webp$/);
    const urls = [
      String(img.properties.src),
      ...[img, ...selectAll('source', picture)].flatMap((el) =>
        String(el.properties.srcSet ?? '')
          .split(',')
          .map((candidate) => candidate.trim().split(' ')[0] as string),
      ),
    ];
    expect(urls.length).toBeGreaterThan(3);
    // The lake this build started was stopped before the pages rendered: images came from the cache.
    expect(run.output).toContain('Content and images are loaded: the embedded lake is stopped while the pages render.');
    for (const url of urls) {
      expect(url).toMatch(/^\/_img\/[a-f0-9]{40}-.+\.(avif|webp)$/);
      expect(existsSync(join(run.outDir, url)), url).toBe(true);
    }
    const html = readFileSync(join(run.outDir, STORY), 'utf8');
    expect(html).not.toContain('127.0.0.1');
    expect(html).not.toContain('/images/local/production/');
  });

  it.each([
    ['Illegitimate regimes are producing viruses', 'Ramin Mehmanparast', 'the ministry’s spokesman'],
    [
      'trying to use the cyber space and this will not be really effective',
      'Ramin Mehmanparast',
      'the ministry’s spokesman',
    ],
    [
      'highly sophisticated malicious program that is actively being used as a cyber-weapon',
      'Kaspersky Lab',
      undefined,
    ],
    [
      'Its complexity and functionality exceed those of all other cyber menaces known to date.',
      'Kaspersky Lab',
      undefined,
    ],
    [
      'reasonable that whoever sees the Iranian threat as significant would use various measures, including this, in order to hurt it.',
      'Moshe Yaalon',
      'Israeli Vice Prime Minister',
    ],
    [
      'Israel is blessed as a country rich in advanced technology, and these tools open to us all sorts of possibilities.',
      'Moshe Yaalon',
      'Israeli Vice Prime Minister',
    ],
  ])('quotes “%s” with its speaker %s', (text, speaker, role) => {
    const quote = selectAll('.story-body q', page).find((q) => textOf(q) === text);
    expect(quote, `no <q> with the words “${text}”`).toBeDefined();
    expect(quote?.properties.dataSpeaker).toBe(speaker);
    if (role) expect(quote?.properties.dataSpeakerRole).toBe(role);
    expect(String(quote?.properties.title)).toContain(speaker);
  });

  it('has the "Various Measures" subhead as an h2 with an id', () => {
    const subhead = select('.story-body h2', page) as Element;
    expect(textOf(subhead)).toBe('‘Various Measures’');
    expect(subhead.properties.id).toBe('various-measures');
  });

  it('has every paragraph of the reference page, in order', () => {
    const reference = readFileSync(join(__dirname, '../../content/reference/000_524019db8ab8aa39.txt'), 'utf8');
    const start = reference.indexOf('Iran’s Foreign Ministry said');
    const end = reference.indexOf('Please upgrade your Browser');
    const expected = reference
      .slice(start, end)
      .split(/\n\s*\n/)
      .map(normalise)
      .filter((p) => p && p !== '‘Various Measures’');
    const paragraphs = selectAll('.story-body p', page).map((p) => normalise(textOf(p)));
    expect(paragraphs).toEqual(expected);
  });

  it('has the three regional support numbers as tel: links, and the chrome', () => {
    const numbers = selectAll('.support li', page).map((li) => ({
      region: textOf(select('.region', li) as Element),
      link: select('a', li)?.properties.href,
      text: textOf(select('a', li) as Element),
    }));
    expect(numbers).toEqual([
      { region: 'Americas', link: 'tel:+12123182000', text: '+1 212 318 2000' },
      { region: 'Europe, Middle East, & Africa', link: 'tel:+442073307500', text: '+44 20 7330 7500' },
      { region: 'Asia Pacific', link: 'tel:+6562121000', text: '+65 6212 1000' },
    ]);
    const topLinks = selectAll('.top-links a', page).map((a) => textOf(a));
    expect(topLinks).toEqual(['Bloomberg Anywhere Remote Login', 'Bloomberg Terminal Demo Request']);
    expect(textOf(select('.tagline', page) as Element)).toMatch(/^Connecting decision makers/);
    const groups = selectAll('.site-footer h2', page).map((h) => textOf(h));
    expect(groups).toEqual(expect.arrayContaining(['Financial Products', 'Customer Support', 'Follow Us']));
    const social = selectAll('.social a', page).map((a) => [textOf(a), a.properties.href]);
    expect(social).toEqual([
      ['Twitter', 'https://twitter.com/business'],
      ['Facebook', 'https://www.facebook.com/bloombergbusiness'],
      ['LinkedIn', 'https://www.linkedin.com/company/bloomberg-lp'],
    ]);
  });

  it('ships no client JavaScript', () => {
    // JSON-LD structured data is a script element, but data: browsers never run it.
    const code = 'script:not([type="application/ld+json"])';
    expect(selectAll(code, page)).toEqual([]);
    expect(selectAll(code, readPage(run.outDir, 'index.html'))).toEqual([]);
  });

  it('lists the story on the front page, linking to it', () => {
    const links = selectAll('main a', readPage(run.outDir, 'index.html')).map((a) => a.properties.href);
    expect(links).toContain(`/${STORY.replace(/\.html$/, '')}`);
  });
});
