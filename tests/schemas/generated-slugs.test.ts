// The Studio's Generate button and the converter must give a headline or a
// name the same slug, and never none: a Chinese, Japanese, Persian, Hebrew or
// Hindi headline gave the Studio an empty slug and failed the converter.
import { describe, expect, it } from 'vitest';
import { personType } from '../../schemas/person.ts';
import { sectionType } from '../../schemas/section.ts';
import { storyType } from '../../schemas/story.ts';
import { type ConvertResult, convertSource } from '../../scripts/convert/convert-source.ts';
import { formatWarning } from '../../scripts/convert/warnings.ts';

type SlugField = { name: string; options?: { slugify?: (text: string) => string | Promise<string> } };

/** What the Studio's Generate button makes of `text` for a document type's slug field. */
function generate(type: { fields: unknown[] }, text: string): Promise<string> {
  const field = (type.fields as SlugField[]).find((f) => f.name === 'slug');
  const slugify = field?.options?.slugify;
  if (!slugify) throw new Error('the slug field has no slugify option');
  return Promise.resolve(slugify(text));
}

function convert(headline: string, byline: string, section = 'World'): ConvertResult {
  const source = `---\nheadline: ${headline}\nsection: ${section}\nbylines: [${byline}]\npublishedAt: 2024-03-01T10:00:00Z\n---\nText.\n`;
  return convertSource({ source, format: 'markdown', file: 'story.md' });
}

describe('a headline no table spells', () => {
  it.each([
    ['中国宣布新的网络安全法规'],
    ['東京で地震'],
    ['نشست خبری وزارت امور خارجه'],
    ['שלום עולם'],
    ['नई दिल्ली में बारिश'],
    ['中国 2026'],
  ])('%s gets a hashed slug in the Studio, and the same one from the converter', async (headline) => {
    const studio = await generate(storyType, headline);
    expect(studio).toMatch(/^[0-9a-f]{12}$/);
    const result = convert(headline, 'Jane Doe');
    expect(result.story.slug.current).toBe(studio);
    expect(result.story._id).toBe(`story-${studio}`);
    expect(result.warnings.map(formatWarning)).toEqual([
      expect.stringContaining(`No readable slug can be spelt from the headline "${headline}", so it gets "${studio}"`),
    ]);
  });

  it('keeps readable slugs for headlines a table spells', async () => {
    expect(await generate(storyType, 'Iran’s Mehmanparast: “Soft war” will fail')).toBe(
      'irans-mehmanparast-soft-war-will-fail',
    );
    expect(await generate(storyType, 'Путин в Москве')).toBe('putin-v-moskve');
    expect(convert('Путин в Москве', 'Jane Doe').story.slug.current).toBe('putin-v-moskve');
  });

  it('gives different headlines different slugs, and the same headline the same one', async () => {
    const a = await generate(storyType, '东京');
    expect(await generate(storyType, '东京')).toBe(a);
    expect(await generate(storyType, '北京')).not.toBe(a);
  });
});

describe('names no table spells', () => {
  it('get the converter’s slug from the Studio too', async () => {
    const result = convert('A story', 'محمد ظریف', 'سیاست');
    const person = result.documents.find((d) => d._type === 'person');
    const section = result.documents.find((d) => d._type === 'section');
    expect(person?.slug.current).toBe(await generate(personType, 'محمد ظریف'));
    expect(person?.slug.current).toMatch(/^person-[0-9a-f]{12}$/);
    expect(section?.slug.current).toBe(await generate(sectionType, 'سیاست'));
    expect(section?.slug.current).toMatch(/^section-[0-9a-f]{12}$/);
  });
});
