// Stories as newsrooms outside the Latin alphabet write them, built end to end
// from a real lake: a Chinese story with an ideograph outside the Basic
// Multilingual Plane where its description is cut, a run of emoji families
// where one is cut, Chinese and Persian topics, and Persian and Hebrew pull
// quotes in an English story, and whole stories in Persian and Chinese. What
// readers, search engines and feed readers get from each.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuildRun, readPage } from '../helpers/site-build.ts';
import { paragraph as block, buildSeedWith, SITE_URL, seedStory as story } from './support/seed-with.ts';

// 149 code units of Chinese, then 𠮷 (U+20BB7, a surrogate pair): a cut at 150 falls inside it.
const ASTRAL = story('story-i18n-astral', 'yoshinoya-opens-stores', '𠮷野家开设新店', 1, {
  body: [block('p1', `${'香港'.repeat(74)}x${'𠮷野家'.repeat(60)}`)],
});
const FAMILY = '👨‍👩‍👧‍👦';
// Eleven code units each, after nine: the 150th falls inside the thirteenth family.
const FAMILIES = story('story-i18n-families', 'families-gather', 'Families Gather', 2, {
  body: [block('p1', `Families ${FAMILY.repeat(40)}`)],
});
// One letter, then emoji (surrogate pairs) and no space: the search index's cut at 1,000 falls inside one.
const REACTIONS = story('story-i18n-reactions', 'readers-react', 'Readers React', 5, {
  body: [block('p1', `x${'😀'.repeat(600)}`)],
});
const CHINESE_TEXT =
  '中华人民共和国国家互联网信息办公室周二发布了新的网络安全法规，要求所有互联网公司报告数据泄露事件。';
const CHINESE = story('story-i18n-chinese', 'china-cybersecurity-rules', '中国宣布新的网络安全法规', 3, {
  language: 'zh-Hans',
  dek: '新规定要求公司在二十四小时内报告。',
  topics: ['网络安全', 'ایران'],
  body: [block('p1', CHINESE_TEXT), block('p2', CHINESE_TEXT)],
});
const RTL_QUOTES = story(
  'story-i18n-rtl-quotes',
  'minister-says-sanctions-failed',
  'Minister Says Sanctions Failed',
  4,
  {
    body: [
      block('p1', 'The minister spoke in Tehran on Tuesday.'),
      {
        _type: 'pullQuote',
        _key: 'pq1',
        text: 'تحریم‌ها شکست خورده‌اند.',
        speaker: { name: 'محمد جواد ظریف' },
        speakerRole: 'وزیر امور خارجه',
      },
      { _type: 'pullQuote', _key: 'pq2', text: 'לא נוותר.', speaker: { name: 'בנימין נתניהו' } },
      { _type: 'pullQuote', _key: 'pq3', text: 'We will not give in.', speaker: { name: 'A spokesman' } },
    ],
  },
);

const PERSIAN = story('story-i18n-persian', 'zarif-says-sanctions-failed', 'ظریف: تحریم‌ها شکست خورده‌اند', 6, {
  language: 'fa',
  dek: 'وزیر خارجه ایران می‌گوید تحریم‌ها به هدف خود نرسیده‌اند.',
  body: [block('p1', 'وزارت امور خارجه ایران روز سه‌شنبه اعلام کرد که حملات سایبری شکست خورده است.')],
  // The seed's photo, already in the lake, described and captioned in Persian.
  heroPhoto: {
    _type: 'photo',
    asset: { _type: 'reference', _ref: 'image-90d15cfd24db63da834d3314f0a78ba7ecd19b54-1200x800-jpg' },
    alt: 'سخنگو پشت تریبون',
    caption: 'سخنگوی وزارت خارجه، روز سه‌شنبه.',
    credit: { photographer: { name: 'عطا کنارے' }, agencies: ['ایرنا'] },
  },
  corrections: [
    {
      _type: 'correction',
      _key: 'c1',
      date: new Date().toISOString(),
      text: 'نسخه پیشین این گزارش تاریخ را اشتباه نوشته بود.',
    },
  ],
});

let site: BuildRun;
const read = (file: string) => readFileSync(join(site.outDir, file), 'utf8');
const page = (slug: string): Root => readPage(site.outDir, `story/${slug}.html`);
const description = (tree: Root) => select('meta[name="description"]', tree)?.properties.content as string;
const newsArticle = (tree: Root) => JSON.parse(textOf(select('script[type="application/ld+json"]', tree) as never));
/** The search index's record of a story: its fragment, unpacked (Pagefind gzips them). */
function searchFragment(slug: string): { content: string } {
  const fragments = readdirSync(join(site.outDir, 'pagefind'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.includes('fragment/'),
  );
  for (const file of fragments) {
    const bytes = readFileSync(join(site.outDir, 'pagefind', file));
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    const record = JSON.parse(text.slice(text.indexOf('{')));
    if (record.url === `/story/${slug}`) return record;
  }
  throw new Error(`no search record of /story/${slug}`);
}
const feedItem = (slug: string) =>
  JSON.parse(read('feed.json')).items.find((i: { url: string }) => i.url === `${SITE_URL}/story/${slug}`);

beforeAll(async () => {
  site = await buildSeedWith([ASTRAL, FAMILIES, REACTIONS, CHINESE, RTL_QUOTES, PERSIAN]);
});

describe('a description cut from text with no space near the cut', () => {
  it('ends before an astral-plane ideograph, never inside it, wherever the description goes', () => {
    const tree = page(ASTRAL.slug.current);
    const expected = `${'香港'.repeat(74)}x…`;
    // The page's UTF-8 would carry a lone surrogate as U+FFFD, "�".
    expect(read(`story/${ASTRAL.slug.current}.html`)).not.toContain('\uFFFD');
    expect(description(tree)).toBe(expected);
    expect(select('meta[property="og:description"]', tree)?.properties.content).toBe(expected);
    expect(newsArticle(tree).description).toBe(expected);
    expect(feedItem(ASTRAL.slug.current).summary).toBe(expected);
  });

  it('keeps an emoji family whole, never a man and a woman of it', () => {
    const text = description(page(FAMILIES.slug.current));
    expect(text).toBe(`Families ${FAMILY.repeat(12)}…`);
  });
});

describe('the search index', () => {
  it('cuts a story’s opening between two emoji, never inside one', () => {
    const { content } = searchFragment(REACTIONS.slug.current);
    expect(content).not.toContain('\uFFFD');
    expect(content).toContain(`x${'😀'.repeat(499)}`);
  });
});

describe('Chinese text', () => {
  it('counts each character as a word in the NewsArticle, as word processors do', () => {
    // 47 characters of words in each paragraph, and two punctuation marks that are not words.
    expect(newsArticle(page(CHINESE.slug.current)).wordCount).toBe(2 * 47);
  });
});
describe('topics in other scripts', () => {
  it('are linked from the story, have pages of their own and are on the topics page', () => {
    const links = selectAll('nav.topics a', page(CHINESE.slug.current));
    expect(links.map((a) => textOf(a))).toEqual(['网络安全', 'ایران']);
    const paths = links.map((a) => String(a.properties.href));
    expect(new Set(paths).size).toBe(2);
    for (const path of paths) {
      expect(path).toMatch(/^\/topic\/[a-z0-9-]+$/);
      const topicPage = readPage(site.outDir, `${path.slice(1)}.html`);
      expect(textOf(select('h1', topicPage) as never)).toMatch(/网络安全|ایران/);
      expect(selectAll(`a[href="/story/${CHINESE.slug.current}"]`, topicPage).length).toBeGreaterThan(0);
    }
    const topics = readPage(site.outDir, 'topics.html');
    for (const path of paths) expect(select(`a[href="${path}"]`, topics)).toBeTruthy();
  });
});
describe('right-to-left pull quotes in a left-to-right story', () => {
  it('lay out each quote and caption in the direction of its own words', () => {
    const figures = selectAll('figure.pull-quote', page(RTL_QUOTES.slug.current));
    expect(figures).toHaveLength(3);
    for (const figure of figures) {
      expect(select('blockquote', figure)?.properties.dir).toBe('auto');
      expect(select('figcaption', figure)?.properties.dir).toBe('auto');
    }
    expect(textOf(select('figcaption', figures[0]) as never)).toBe('محمد جواد ظریف, وزیر امور خارجه');
  });
});

describe('a story in another language than the site’s', () => {
  it('marks its headline, dek and body with its language and direction, and only those', () => {
    const tree = page(PERSIAN.slug.current);
    for (const selector of ['h1', 'p.dek', 'div.story-body']) {
      expect(select(selector, tree)?.properties, selector).toMatchObject({ lang: 'fa', dir: 'rtl' });
    }
    expect(select('html', tree)?.properties.lang).toBe('en');
    expect(select('p.dates', tree)?.properties.lang).toBeUndefined();
    expect(select('h1', page(CHINESE.slug.current))?.properties).toMatchObject({ lang: 'zh-Hans', dir: 'ltr' });
    expect(select('h1', page(RTL_QUOTES.slug.current))?.properties.lang).toBeUndefined();
  });

  // The alt text and caption are the editor's words about the story's photo,
  // in the story's language, as a photo in the body is (inside the body's lang).
  it('marks its hero photo’s alt text and caption, but not the credit’s label', () => {
    const hero = select('figure.hero', page(PERSIAN.slug.current));
    expect(select('img', hero as never)?.properties).toMatchObject({ lang: 'fa', dir: 'rtl' });
    expect(select('.caption', hero as never)?.properties).toMatchObject({ lang: 'fa', dir: 'rtl' });
    expect(select('figcaption', hero as never)?.properties.lang).toBeUndefined();
    expect(select('.credit', hero as never)?.properties.lang).toBeUndefined();
  });

  it('marks the text of its corrections, but not their English dates', () => {
    const item = select('section.corrections li', page(PERSIAN.slug.current));
    const text = select('li > span', item as never);
    expect(text?.properties).toMatchObject({ lang: 'fa', dir: 'rtl' });
    expect(textOf(text as never)).toBe('نسخه پیشین این گزارش تاریخ را اشتباه نوشته بود.');
    expect(item?.properties.lang).toBeUndefined();
  });

  it('marks its headline and dek in lists of stories too', () => {
    const section = readPage(site.outDir, 'section/technology.html');
    const card = selectAll('article.story-card', section).find((c) =>
      select(`a[href="/story/${PERSIAN.slug.current}"]`, c),
    );
    expect(select('h2, h3', card as never)?.properties).toMatchObject({ lang: 'fa', dir: 'rtl' });
    expect(select('p.dek', card as never)?.properties).toMatchObject({ lang: 'fa', dir: 'rtl' });
  });

  it('names its locale to social networks (og:locale, language_TERRITORY)', () => {
    const locale = (slug: string) => select('meta[property="og:locale"]', page(slug))?.properties.content;
    expect(locale(PERSIAN.slug.current)).toBe('fa_IR');
    expect(locale(CHINESE.slug.current)).toBe('zh_CN');
    expect(locale(RTL_QUOTES.slug.current)).toBe('en_US');
  });

  it('names its language to search engines: NewsArticle inLanguage and Google News’ news:language', () => {
    expect(newsArticle(page(PERSIAN.slug.current)).inLanguage).toBe('fa');
    expect(newsArticle(page(CHINESE.slug.current)).inLanguage).toBe('zh-Hans');
    expect(newsArticle(page(RTL_QUOTES.slug.current)).inLanguage).toBe('en');
    const news = read('sitemaps/news.xml');
    const languageOf = (slug: string) =>
      new RegExp(`<loc>${SITE_URL}/story/${slug}</loc>.*?<news:language>([^<]*)</news:language>`).exec(news)?.[1];
    expect(languageOf(PERSIAN.slug.current)).toBe('fa');
    // Google News wants Chinese as zh-cn (simplified) or zh-tw (traditional).
    expect(languageOf(CHINESE.slug.current)).toBe('zh-cn');
    expect(languageOf(RTL_QUOTES.slug.current)).toBe('en');
  });

  it('says its language on its Atom entry (RFC 4287 xml:lang), where the feed is English', () => {
    const atom = read('atom.xml');
    expect(atom).toMatch(/<feed [^>]*xml:lang="en"/);
    const entryOf = (slug: string) =>
      new RegExp(`<entry[^>]*>(?:(?!</entry>).)*href="${SITE_URL}/story/${slug}"`).exec(atom)?.[0] ?? '';
    expect(entryOf(PERSIAN.slug.current)).toMatch(/^<entry xml:lang="fa">/);
    expect(entryOf(CHINESE.slug.current)).toMatch(/^<entry xml:lang="zh-Hans">/);
    expect(entryOf(RTL_QUOTES.slug.current)).toMatch(/^<entry>/);
  });

  it('says its language on its JSON Feed item (JSON Feed 1.1 item language), where the feed is English', () => {
    expect(JSON.parse(read('feed.json')).language).toBe('en');
    expect(feedItem(PERSIAN.slug.current).language).toBe('fa');
    expect(feedItem(CHINESE.slug.current).language).toBe('zh-Hans');
    expect(feedItem(RTL_QUOTES.slug.current)).not.toHaveProperty('language');
  });
});
