// The reader's site as a reader meets it: every kind of page exists, the story
// page carries what a news story needs, listings and archives hold the right
// stories, no page but search ships a script, and nothing embargoed or
// unpublished reaches any file of the build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPage } from '../helpers/site-build.ts';
import { buildFixtureSite, builtFiles, DRAFT, EMBARGOED, type FixtureSite, FRESH } from './support/fixture-site.ts';

let site: FixtureSite;
let files: string[];
const page = (path: string): Root => readPage(site.outDir, path);
const hrefs = (root: Root, selector: string) => selectAll(selector, root).map((a) => String(a.properties.href));
const text = (root: Root, selector: string) =>
  textOf(select(selector, root) as Element)
    .replace(/\s+/g, ' ')
    .trim();

beforeAll(async () => {
  site = await buildFixtureSite();
  files = builtFiles(site.outDir);
});

describe('the page map', () => {
  it.each([
    'index.html',
    '404.html',
    'search.html',
    'topics.html',
    'archive.html',
    'section/business.html',
    'author/atta-kenare.html',
    'topic/marzipan-tariffs.html',
    `story/${FRESH.slug}.html`,
    'rss.xml',
    'atom.xml',
    'feed.json',
    'section/business/rss.xml',
    'section/business/atom.xml',
    'section/business/feed.json',
    'sitemap.xml',
    'sitemaps/pages.xml',
    'sitemaps/news.xml',
    'robots.txt',
  ])('has %s', (file) => {
    expect(files).toContain(file);
  });

  it('has a page per section, topic and author the header, stories and bylines link to', () => {
    const front = page('index.html');
    for (const href of hrefs(front, 'nav.sections a')) expect(files).toContain(`${href.slice(1)}.html`);
    const story = page(`story/${FRESH.slug}.html`);
    for (const href of hrefs(story, '.topics a, .byline a, .breadcrumbs a[href^="/section/"]')) {
      expect(files).toContain(`${href.slice(1)}.html`);
    }
  });
});

describe('the story page', () => {
  let story: Root;
  beforeAll(() => {
    story = page(`story/${FRESH.slug}.html`);
  });

  it('has the headline, dek and breadcrumbs to its section', () => {
    expect(text(story, 'h1')).toBe(FRESH.headline);
    expect(text(story, '.story-header .dek')).toBe('Shipping lines have a week to prepare.');
    expect(hrefs(story, '.breadcrumbs a')).toEqual(['/', '/section/business']);
  });

  it('credits the byline with its role, linking to the author page', () => {
    expect(text(story, '.byline')).toBe('Editor: Atta Kenare');
    expect(hrefs(story, '.byline a')).toEqual(['/author/atta-kenare']);
  });

  it('gives publication and update times as <time datetime>', () => {
    const times = selectAll('.dates time', story).map((t) => String(t.properties.dateTime));
    expect(times).toHaveLength(2);
    for (const t of times) expect(Number.isNaN(Date.parse(t))).toBe(false);
    expect(Date.parse(times[1] as string)).toBeGreaterThan(Date.parse(times[0] as string));
  });

  it('prints the corrections log with dated entries', () => {
    expect(text(story, '.corrections h2')).toBe('Corrections');
    expect(text(story, '.corrections li')).toContain(FRESH.correction);
    expect(select('.corrections li time[datetime]', story)).toBeTruthy();
  });

  it('credits the hero photo and each inline photo', () => {
    expect(text(story, 'figure.hero .caption')).toBe('Ships wait outside the harbour.');
    expect(text(story, 'figure.hero .credit')).toBe('Photographer: Lena Ulrich/Reuters');
    expect(text(story, '.story-body figure.photo .credit')).toBe('Photographer: Lena Ulrich/Reuters');
    expect(select('.story-body figure.photo img', story)?.properties.alt).toBe('A crane lifting a container');
  });

  it('sets the pull quote apart with its attribution', () => {
    expect(text(story, '.pull-quote blockquote')).toBe(FRESH.quote);
    expect(text(story, '.pull-quote figcaption')).toBe('Mira Holm, the harbour master');
  });

  it('links its topics and related stories', () => {
    expect(hrefs(story, '.topics a')).toEqual(['/topic/marzipan-tariffs']);
    expect(hrefs(story, '.related a')).toEqual([`/story/${site.generated[0]?.slug}`]);
  });

  it('serves responsive images with explicit sizes and a placeholder', () => {
    const img = select('figure.hero img', story) as Element;
    expect(img.properties).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
    expect(String(img.properties.sizes)).toContain('46rem');
    expect(String(img.properties.style)).toMatch(/^background-image:url\(data:image\//);
    const types = selectAll('figure.hero source', story).map((s) => s.properties.type);
    expect(types).toEqual(['image/avif']);
    expect(String(img.properties.src)).toMatch(/\.webp$/);
  });
});

describe('listings and archives', () => {
  it('leads the front page with the newest story, then each section newest first', () => {
    const front = page('index.html');
    expect(hrefs(front, '.lead h2 a')).toEqual([`/story/${FRESH.slug}`]);
    for (const block of selectAll('.section-block', front)) {
      const times = selectAll('time', block).map((t) => Date.parse(String(t.properties.dateTime)));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(times.length).toBeGreaterThan(0);
    }
  });

  it('lists a section newest first with dates', () => {
    const section = page('section/business.html');
    expect(text(section, 'h1')).toBe('Business');
    const times = selectAll('.story-list time', section).map((t) => Date.parse(String(t.properties.dateTime)));
    expect(times[0]).toBe(Math.max(...times));
    expect(hrefs(section, '.story-list h2 a')[0]).toBe(`/story/${FRESH.slug}`);
  });

  it('keeps every story of a long listing on its front or its numbered pages, each once', () => {
    const author = files.find((f) => /^author\/[^/]+\/page\/1\.html$/.test(f));
    expect(author, 'an author with more than one page of stories').toBeDefined();
    const slug = (author as string).split('/')[1] as string;
    const front = page(`author/${slug}.html`);
    const older = hrefs(front, '.pager a[rel="next"]');
    expect(older).toHaveLength(1);
    const pages = files.filter((f) => f.startsWith(`author/${slug}/page/`));
    const listed = pages.flatMap((p) => hrefs(page(p), '.story-list h2 a'));
    expect(new Set(listed).size).toBe(listed.length);
    for (const href of hrefs(front, '.story-list h2 a')) expect(listed).toContain(href);
    // Page 1 holds the oldest stories: its last one is the author's first.
    const first = page(`author/${slug}/page/1.html`);
    expect(selectAll('.pager a', first).map((a) => a.properties.rel?.toString())).toEqual(['prev']);
  });

  it('shows an author page with title, bio and portrait when the person has them', () => {
    const authors = files.filter((f) => /^author\/[^/]+\.html$/.test(f)).map(page);
    const withPortrait = authors.find((a) => select('.author-intro figure.portrait img', a));
    expect(withPortrait, 'a generated person with a portrait').toBeDefined();
    const withBio = authors.find((a) => select('.author-intro .bio', a));
    expect(text(withBio as Root, '.author-intro .bio').length).toBeGreaterThan(20);
  });

  it('files the story under the day it was published', () => {
    const published = String(select('.dates time', page(`story/${FRESH.slug}.html`))?.properties.dateTime);
    const day = new Date(published).toISOString().slice(0, 10).replaceAll('-', '/');
    const dayPage = page(`archive/${day}.html`);
    expect(hrefs(dayPage, '.story-list a')).toContain(`/story/${FRESH.slug}`);
    expect(hrefs(page('archive.html'), 'main a')).toContain(`/archive/${day.slice(0, 7)}`);
  });
});

describe('scripts', () => {
  const code = 'script:not([type="application/ld+json"])';

  it('ships no JavaScript on any page but search', () => {
    const pages = files.filter((f) => f.endsWith('.html') && f !== 'search.html');
    expect(pages.length).toBeGreaterThan(100);
    for (const file of pages) expect(selectAll(code, page(file)), file).toEqual([]);
  });

  it('gives the search page one module script of its own', () => {
    const scripts = selectAll(code, page('search.html'));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.properties.type).toBe('module');
  });
});

describe('embargoed and unpublished stories', () => {
  /** Every file as text, the search index's gzipped files unpacked. */
  function contents(): [string, string][] {
    return files
      .filter((f) => !/\.(avif|webp|jpg|png|svg|js|css)$|\/wasm\.[^/]+$/.test(f))
      .map((f) => {
        const bytes = readFileSync(join(site.outDir, f));
        const unpacked = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
        return [f, unpacked.toString('latin1').toLowerCase()];
      });
  }

  it('the fixture checks something: the fresh story is in pages, feeds, sitemaps and the search index', () => {
    const mentions = contents()
      .filter(([, body]) => body.includes('marzipan'))
      .map(([f]) => f);
    expect(mentions).toEqual(expect.arrayContaining(['rss.xml', 'feed.json', 'sitemaps/news.xml', 'index.html']));
    expect(mentions.some((f) => /^pagefind\/\d+\/fragment\//.test(f))).toBe(true);
    expect(mentions.some((f) => /^pagefind\/\d+\/index\//.test(f))).toBe(true);
  });

  it.each([
    ['embargoed', EMBARGOED.word],
    ['draft', DRAFT.word],
  ])('never shows the %s story anywhere', (_, word) => {
    const leaks = contents()
      .filter(([, body]) => body.includes(word))
      .map(([f]) => f);
    expect(leaks).toEqual([]);
    expect(files.filter((f) => f.includes(word))).toEqual([]);
  });
});
