// What search engines, feed readers and social networks read: the head of
// every page, the NewsArticle JSON-LD, the social card image, RSS, Atom and
// JSON Feed (checked against the JSON Feed 1.1 schema), the sitemaps and the
// Google News sitemap, and robots.txt.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPage } from '../helpers/site-build.ts';
import {
  BODY_PHOTO,
  buildFixtureSite,
  builtFiles,
  type FixtureSite,
  FRESH,
  MARKUP,
  SITE_URL,
} from './support/fixture-site.ts';

// Parsed XML and JSON-LD are explored by the assertions themselves.
// biome-ignore lint/suspicious/noExplicitAny: untyped documents under test
type Parsed = any;

let site: FixtureSite;
let files: string[];
const read = (file: string) => readFileSync(join(site.outDir, file), 'utf8');
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'url', 'sitemap', 'category', 'author', 'dc:creator', 'link'].includes(name),
});
const parseXml = (file: string) => {
  const body = read(file);
  expect(XMLValidator.validate(body), `${file} is well-formed XML`).toBe(true);
  return xml.parse(body);
};
const meta = (page: Root, key: string) =>
  select(`meta[property="${key}"], meta[name="${key}"]`, page)?.properties.content as string | undefined;
const storyFile = `story/${FRESH.slug}.html`;
const storyUrl = `${SITE_URL}/story/${FRESH.slug}`;
const bodyPhotoFile = `story/${BODY_PHOTO.slug}.html`;
const bodyPhotoUrl = `${SITE_URL}/story/${BODY_PHOTO.slug}`;

/** The social card a page names: on the site, and in the build as a 1200×630 JPEG. */
async function expectCard(page: Root) {
  expect(meta(page, 'twitter:card')).toBe('summary_large_image');
  expect(meta(page, 'twitter:image')).toBe(meta(page, 'og:image'));
  const image = new URL(String(meta(page, 'og:image')));
  expect(image.origin).toBe(SITE_URL);
  const info = await sharp(join(site.outDir, image.pathname)).metadata();
  expect(info).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
  expect([meta(page, 'og:image:width'), meta(page, 'og:image:height')]).toEqual(['1200', '630']);
}

beforeAll(async () => {
  site = await buildFixtureSite();
  files = builtFiles(site.outDir);
});

describe('the head of every page', () => {
  it('has a title, a description and a canonical URL on the site', () => {
    const pages = files.filter((f) => f.endsWith('.html') && f !== '404.html');
    for (const file of pages) {
      const page = readPage(site.outDir, file);
      expect(textOf(select('title', page) as Element).trim(), file).not.toBe('');
      expect(meta(page, 'description')?.trim(), file).toBeTruthy();
      const canonical = String(select('link[rel="canonical"]', page)?.properties.href);
      expect(canonical.startsWith(`${SITE_URL}/`), `${file}: ${canonical}`).toBe(true);
    }
  });

  it('declares no address on the 404 page, which the edge serves at every missing URL, and keeps it unindexed', () => {
    const page = readPage(site.outDir, '404.html');
    expect(select('link[rel="canonical"]', page)).toBeUndefined();
    expect(meta(page, 'og:url')).toBeUndefined();
    expect(meta(page, 'robots')).toBe('noindex');
    expect(textOf(select('title', page) as Element)).toMatch(/^Page not found/);
  });

  it('gives a story its OpenGraph and Twitter card with the credited 1200×630 JPEG', async () => {
    const page = readPage(site.outDir, storyFile);
    expect(meta(page, 'og:type')).toBe('article');
    expect(meta(page, 'og:title')).toBe(FRESH.headline);
    expect(meta(page, 'og:url')).toBe(storyUrl);
    expect(meta(page, 'og:image:alt')).toBe('Container ships at anchor. Photographer: Lena Ulrich/Reuters');
    await expectCard(page);
  });

  it('cuts the card of a story with no hero photo from the first photo in its body', async () => {
    const page = readPage(site.outDir, bodyPhotoFile);
    expect(select('figure.hero', page)).toBeUndefined();
    expect(meta(page, 'og:image:alt')).toBe('Puffins on a cliff. Photographer: Lena Ulrich/Reuters');
    await expectCard(page);
  });
});

describe('NewsArticle JSON-LD', () => {
  const articles = () =>
    files
      .filter((f) => f.startsWith('story/'))
      .map((file) => {
        const page = readPage(site.outDir, file);
        const scripts = selectAll('script[type="application/ld+json"]', page);
        expect(scripts, file).toHaveLength(1);
        return { file, page, data: JSON.parse(textOf(scripts[0] as Element)) as Parsed };
      });

  it('parses on every story page and has the required fields', () => {
    const all = articles();
    expect(all.length).toBeGreaterThan(80);
    for (const { file, page, data } of all) {
      expect(data['@context'], file).toBe('https://schema.org');
      expect(data['@type'], file).toBe('NewsArticle');
      expect(data.headline, file).toBe(textOf(select('h1', page) as Element));
      expect(Date.parse(data.datePublished), file).not.toBeNaN();
      expect(Date.parse(data.dateModified), file).toBeGreaterThanOrEqual(Date.parse(data.datePublished));
      expect(data.author.length, file).toBeGreaterThan(0);
      for (const author of data.author) expect(author.name, file).toBeTruthy();
      expect(data.publisher, file).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'Bloomberg' });
      // The hero photo, or else the first in the body, is the article's image.
      if (select('figure.hero, figure.photo', page)) {
        const [image] = data.image;
        expect(image.creditText, file).toBeTruthy();
        expect(image.copyrightHolder?.name, file).toBeTruthy();
        expect(image.url, file).toBe(meta(page, 'og:image'));
      }
    }
  });

  it('names the authors with their pages, credits the photo and lists the correction', () => {
    const fresh = articles().find((a) => a.file === storyFile)?.data;
    // Its only byline is an editor's: with no byline that writes, every byline is an author.
    expect(fresh?.author).toEqual([
      expect.objectContaining({ '@type': 'Person', name: 'Atta Kenare', url: `${SITE_URL}/author/atta-kenare` }),
    ]);
    expect(fresh?.image[0]).toMatchObject({
      creditText: 'Lena Ulrich/Reuters',
      creator: { '@type': 'Person', name: 'Lena Ulrich' },
      copyrightHolder: { '@type': 'Organization', name: 'Reuters' },
      width: 1200,
      height: 630,
    });
    expect(fresh?.correction).toEqual([
      { '@type': 'CorrectionComment', text: FRESH.correction, datePublished: expect.any(String) },
    ]);
  });

  it('credits the first body photo as the image of a story with no hero photo', () => {
    const article = articles().find((a) => a.file === bodyPhotoFile);
    expect(article?.data.image).toEqual([
      expect.objectContaining({
        url: meta(article?.page as Root, 'og:image'),
        caption: 'Puffins return every spring.',
        creditText: 'Lena Ulrich/Reuters',
        width: 1200,
        height: 630,
      }),
    ]);
  });

  it('names as authors the bylines that wrote the story, and its photographer as a contributor', () => {
    const data = articles().find((a) => a.file === bodyPhotoFile)?.data;
    expect(data?.author).toEqual([
      expect.objectContaining({ '@type': 'Person', name: 'Ilse Varga', url: `${SITE_URL}/author/ilse-varga` }),
    ]);
    expect(data?.contributor).toEqual([expect.objectContaining({ '@type': 'Person', name: 'Atta Kenare' })]);
  });

  it('credits a seed photo to its first agency, as "Atta Kenare/AFP/Getty Images"', () => {
    const seed = articles().find((a) => a.file.includes('irans-mehmanparast'))?.data;
    expect(seed?.image[0]).toMatchObject({
      creditText: 'Atta Kenare/AFP/Getty Images',
      copyrightHolder: { '@type': 'Organization', name: 'AFP' },
    });
  });
});

describe('a headline that holds markup and </script>', () => {
  const markupUrl = `${SITE_URL}/story/${MARKUP.slug}`;

  it('stays text on its page: one script, the JSON-LD, whose every string is the editor’s text', () => {
    const page = readPage(site.outDir, `story/${MARKUP.slug}.html`);
    const scripts = selectAll('script', page);
    expect(scripts.map((s) => s.properties.type)).toEqual(['application/ld+json']);
    const data = JSON.parse(textOf(scripts[0] as Element));
    expect(data.headline).toBe(MARKUP.headline);
    expect(data.author).toEqual([expect.objectContaining({ name: MARKUP.reporter.name })]);
    expect(data.image[0].caption).toBe('Books <!-- closed --> & "balanced"');
    expect(textOf(select('h1', page) as Element)).toBe(MARKUP.headline);
    expect(meta(page, 'og:title')).toBe(MARKUP.headline);
  });

  it('stays text in the feeds and the news sitemap', () => {
    const rss = parseXml('rss.xml').rss.channel.item.find((i: Parsed) => i.link[0] === markupUrl);
    expect([rss.title, rss['dc:creator']]).toEqual([MARKUP.headline, [MARKUP.reporter.name]]);
    // Feed readers render an RSS item's description as HTML: it must show the dek's words.
    expect(textOf(fromHtml(rss.description, { fragment: true }))).toBe(MARKUP.dek);
    const atom = parseXml('atom.xml').feed.entry.find((e: Parsed) =>
      e.link.some((l: Parsed) => l['@href'] === markupUrl),
    );
    expect([atom.title, atom.summary, atom.author[0].name]).toEqual([
      MARKUP.headline,
      MARKUP.dek,
      MARKUP.reporter.name,
    ]);
    const json = JSON.parse(read('feed.json')).items.find((i: Parsed) => i.url === markupUrl);
    expect([json.title, json.summary]).toEqual([MARKUP.headline, MARKUP.dek]);
    const news = parseXml('sitemaps/news.xml').urlset.url.find((u: Parsed) => u.loc === markupUrl);
    expect(news['news:news']['news:title']).toBe(MARKUP.headline);
  });
});

describe('feeds', () => {
  it.each(['rss.xml', 'section/business/rss.xml'])('%s is RSS 2.0 with the required elements', (file) => {
    const rss = parseXml(file).rss;
    expect(rss['@version']).toBe('2.0');
    const channel = rss.channel;
    for (const key of ['title', 'link', 'description']) expect(channel[key], key).toBeTruthy();
    expect(channel['atom:link']['@href']).toBe(`${SITE_URL}/${file}`);
    expect(channel.item.length).toBeGreaterThan(0);
    expect(channel.item.length).toBeLessThanOrEqual(50);
    for (const item of channel.item) {
      expect(item.title).toBeTruthy();
      expect(item.link[0]).toMatch(new RegExp(`^${SITE_URL}/story/`));
      expect(item.guid['@isPermaLink']).toBe('false');
      expect(new Date(item.pubDate).toUTCString()).toBe(item.pubDate);
    }
    expect(new Set(channel.item.map((i: Parsed) => i.guid['#text'])).size).toBe(channel.item.length);
    expect(channel.item[0].title).toBe(FRESH.headline);
    const media = channel.item[0]['media:content'];
    expect(media['media:credit']).toBe('Photographer: Lena Ulrich/Reuters');
  });

  it.each(['atom.xml', 'section/business/atom.xml'])('%s is Atom with the required elements', (file) => {
    const feed = parseXml(file).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const key of ['id', 'title', 'updated']) expect(feed[key], key).toBeTruthy();
    expect(feed.link.find((l: Parsed) => l['@rel'] === 'self')['@href']).toBe(`${SITE_URL}/${file}`);
    expect(feed.author[0].name).toBe('Bloomberg');
    for (const entry of feed.entry) {
      for (const key of ['id', 'title', 'updated']) expect(entry[key], key).toBeTruthy();
      expect(Date.parse(entry.updated)).not.toBeNaN();
      expect(entry.link.find((l: Parsed) => l['@rel'] === 'alternate')['@href']).toMatch(
        new RegExp(`^${SITE_URL}/story/`),
      );
    }
    expect(new Set(feed.entry.map((e: Parsed) => e.id)).size).toBe(feed.entry.length);
  });

  it.each(['feed.json', 'section/business/feed.json', 'section/world/feed.json'])(
    '%s is valid JSON Feed 1.1',
    (file) => {
      const schema = JSON.parse(
        readFileSync(
          join(import.meta.dirname, '../../../shared/conformance/jsonfeed/jsonfeed-schema-v1.1.json'),
          'utf8',
        ),
      );
      const ajv = new Ajv({ allErrors: true, strict: false });
      (addFormatsPlugin as unknown as (a: Ajv) => void)(ajv);
      const validate = ajv.compile(schema);
      const feed = JSON.parse(read(file));
      expect(validate(feed), JSON.stringify(validate.errors, null, 1)).toBe(true);
      expect(feed.feed_url).toBe(`${SITE_URL}/${file}`);
      expect(feed.items.length).toBeGreaterThan(0);
    },
  );

  it('names each story by one id in all three feeds, made from its document and not its address', () => {
    const rss = parseXml('rss.xml').rss.channel.item.find((i: Parsed) => i.link[0] === storyUrl);
    const atom = parseXml('atom.xml').feed.entry.find((e: Parsed) =>
      e.link.some((l: Parsed) => l['@rel'] === 'alternate' && l['@href'] === storyUrl),
    );
    const json = JSON.parse(read('feed.json')).items.find((i: Parsed) => i.url === storyUrl);
    // A tag URI (RFC 4151): the site's host, the day the document was created, its id.
    expect(json.id).toMatch(new RegExp(`^tag:news\\.example,\\d{4}-\\d{2}-\\d{2}:story/${FRESH.id}$`));
    expect([rss.guid['#text'], atom.id]).toEqual([json.id, json.id]);
  });

  it('credits a story to the bylines that wrote it, not to its photographer', () => {
    const rss = parseXml('rss.xml').rss.channel.item.find((i: Parsed) => i.link[0] === bodyPhotoUrl);
    expect(rss['dc:creator']).toEqual(['Ilse Varga']);
    const atom = parseXml('atom.xml').feed.entry.find((e: Parsed) =>
      e.link.some((l: Parsed) => l['@rel'] === 'alternate' && l['@href'] === bodyPhotoUrl),
    );
    expect(atom.author.map((a: Parsed) => a.name)).toEqual(['Ilse Varga']);
    const json = JSON.parse(read('feed.json')).items.find((i: Parsed) => i.url === bodyPhotoUrl);
    expect(json.authors).toEqual([{ name: 'Ilse Varga', url: `${SITE_URL}/author/ilse-varga` }]);
  });

  it('gives a story with no hero photo the card of its first body photo', () => {
    const card = meta(readPage(site.outDir, bodyPhotoFile), 'og:image');
    const rss = parseXml('rss.xml').rss.channel.item.find((i: Parsed) => i.link[0] === bodyPhotoUrl);
    expect(rss['media:content']['@url']).toBe(card);
    expect(JSON.parse(read('feed.json')).items.find((i: Parsed) => i.url === bodyPhotoUrl).image).toBe(card);
  });

  it('gives each section only its own stories', () => {
    const world = JSON.parse(read('section/world/feed.json')).items.map((i: { url: string }) => i.url);
    const business = JSON.parse(read('section/business/feed.json')).items.map((i: { url: string }) => i.url);
    expect(business).toContain(storyUrl);
    expect(world).not.toContain(storyUrl);
    expect(world.filter((u: string) => business.includes(u))).toEqual([]);
  });
});

describe('sitemaps and robots.txt', () => {
  it('has an index of sitemaps that exist, each URL with its lastmod', () => {
    const index = parseXml('sitemap.xml').sitemapindex.sitemap as { loc: string; lastmod: string }[];
    const names = index.map((s) => s.loc);
    expect(names).toEqual(expect.arrayContaining([`${SITE_URL}/sitemaps/pages.xml`, `${SITE_URL}/sitemaps/news.xml`]));
    let stories = 0;
    for (const sitemap of index.filter((s) => !s.loc.endsWith('/news.xml'))) {
      expect(Date.parse(sitemap.lastmod)).not.toBeNaN();
      const urls = parseXml(new URL(sitemap.loc).pathname.slice(1)).urlset.url as { loc: string; lastmod: string }[];
      for (const url of urls) expect(Date.parse(url.lastmod), url.loc).not.toBeNaN();
      stories += urls.filter((u) => u.loc.includes('/story/')).length;
    }
    expect(stories).toBe(files.filter((f) => f.startsWith('story/')).length);
  });

  it('dates a story by its last change (update or correction) and a section by its newest', () => {
    const all = parseXml('sitemap.xml')
      .sitemapindex.sitemap.filter((s: { loc: string }) => !s.loc.endsWith('/news.xml'))
      .flatMap((s: { loc: string }) => parseXml(new URL(s.loc).pathname.slice(1)).urlset.url);
    const lastmod = (loc: string) => all.find((u: { loc: string }) => u.loc === loc)?.lastmod;
    const story = readPage(site.outDir, storyFile);
    const times = selectAll('.dates time, .corrections time', story).map((t) => String(t.properties.dateTime));
    const updated = times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
    expect(lastmod(storyUrl)).toBe(updated);
    expect(lastmod(`${SITE_URL}/section/business`)).toBe(updated);
  });

  it('has a Google News sitemap of the last 48 hours only', () => {
    const urlset = parseXml('sitemaps/news.xml').urlset;
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const urls = urlset.url as { loc: string; 'news:news': Parsed }[];
    expect(urls.length).toBeLessThanOrEqual(1000);
    expect(urls.map((u) => u.loc)).toContain(storyUrl);
    for (const url of urls) {
      const news = url['news:news'];
      expect(news['news:publication']).toEqual({ 'news:name': 'Bloomberg', 'news:language': 'en' });
      expect(Date.now() - Date.parse(news['news:publication_date'])).toBeLessThan(48 * 3_600_000);
      expect(news['news:title']).toBeTruthy();
    }
    const older = parseXml('rss.xml').rss.channel.item.filter(
      (i: { pubDate: string }) => Date.now() - Date.parse(i.pubDate) > 48 * 3_600_000,
    );
    expect(older.length).toBeGreaterThan(0);
    for (const item of older) expect(urls.map((u) => u.loc)).not.toContain(item.link[0]);
  });

  it('points robots.txt at the sitemap index', () => {
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
    expect(read('robots.txt')).toMatch(/^User-agent: \*$/m);
  });
});
