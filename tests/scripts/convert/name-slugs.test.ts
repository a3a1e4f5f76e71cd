import { describe, expect, it } from 'vitest';
import { type ConvertResult, convertSource } from '../../../scripts/convert/convert-source.ts';
import { ConvertError } from '../../../scripts/convert/errors.ts';
import { createExportSet } from '../../../scripts/convert/export-set.ts';
import { formatWarning } from '../../../scripts/convert/warnings.ts';
import { validateExportDocument } from '../helpers/validate-export.ts';

// Line 1 is "---"; the lines given start on line 4.
function convert(lines: readonly string[], file = 'story.md', headline = 'Test story'): ConvertResult {
  const frontMatter = [`headline: ${headline}`, 'publishedAt: 2024-03-01T10:00:00Z', ...lines];
  return convertSource({ source: `---\n${frontMatter.join('\n')}\n---\nText.\n`, format: 'markdown', file });
}

/** Person and section documents as `{_id, name, slug}`. */
function named(result: ConvertResult, type: 'person' | 'section') {
  return result.documents.flatMap((d) =>
    d._type === type ? [{ _id: d._id, name: d.name, slug: d.slug.current }] : [],
  );
}

const GENERATED = { person: /^person-[0-9a-f]{12}$/, section: /^section-[0-9a-f]{12}$/ };

describe('names in Cyrillic and Greek get transliterated slugs', () => {
  it('gives a Cyrillic byline a Latin slug and keeps the name as written', () => {
    const result = convert(['section: Technology', 'bylines: [Иван Петров]']);
    expect(result.story.bylines?.[0]?.person._ref).toBe('person-ivan-petrov');
    expect(named(result, 'person')).toEqual([{ _id: 'person-ivan-petrov', name: 'Иван Петров', slug: 'ivan-petrov' }]);
    expect(result.warnings).toEqual([]);
    expect(result.documents.flatMap(validateExportDocument)).toEqual([]);
  });

  it('gives a Greek section a Latin slug and keeps the name as written', () => {
    const result = convert(['section: Ελλάδα']);
    expect(result.story.section._ref).toBe('section-ellada');
    expect(named(result, 'section')).toEqual([{ _id: 'section-ellada', name: 'Ελλάδα', slug: 'ellada' }]);
    expect(result.warnings).toEqual([]);
    expect(result.documents.flatMap(validateExportDocument)).toEqual([]);
  });
});

describe('names in scripts with no table get a generated slug', () => {
  const wang = () => convert(['section: Technology', 'bylines: [王小明]']);

  it('derives the slug from a hash of the name, and keeps the name as written', () => {
    const result = wang();
    const [person] = named(result, 'person');
    expect(person?.name).toBe('王小明');
    expect(person?.slug).toMatch(GENERATED.person);
    expect(person?._id).toBe(person?.slug);
    expect(result.story.bylines?.[0]?.person._ref).toBe(person?._id);
    expect(result.documents.flatMap(validateExportDocument)).toEqual([]);
  });

  it('gives the same name the same slug in every run and every file', () => {
    const person = named(wang(), 'person')[0];
    const again = wang();
    const elsewhere = convert(['section: Technology', 'bylines: [{name: 王小明, role: Editor}]'], 'b.md', 'Other');
    expect(named(again, 'person')).toEqual([person]);
    expect(named(elsewhere, 'person')).toEqual([person]);
  });

  it('warns, naming the file, the name, the slug and the line', () => {
    const result = wang();
    const person = named(result, 'person')[0];
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ name: 'SlugGenerated', file: 'story.md', line: 5, column: 11 });
    expect(formatWarning(result.warnings[0] as (typeof result.warnings)[number])).toBe(
      `story.md:5:11 warning SlugGenerated: No readable slug can be spelt from the person "王小明", ` +
        `so it gets "${person?.slug}"; set a better one in the Studio.`,
    );
  });

  it('gives different names different slugs, also when they share their Latin part', () => {
    const two = convert(['section: Technology', 'bylines: [王小明, 李小红, 李 Wei, 王 Wei]']);
    const slugs = named(two, 'person').map((p) => p.slug);
    expect(slugs).toHaveLength(4);
    expect(new Set(slugs).size).toBe(4);
    for (const slug of slugs) expect(slug).toMatch(GENERATED.person);
    expect(two.warnings.map((w) => [w.name, w.line])).toEqual([
      ['SlugGenerated', 5],
      ['SlugGenerated', 5],
      ['SlugGenerated', 5],
      ['SlugGenerated', 5],
    ]);
  });

  it.each([['東京'], ['القاهرة'], ['ירושלים'], ['★']])('gives the section %j a generated slug', (name) => {
    const section = convert([`section: ${name}`]);
    expect(named(section, 'section')).toEqual([
      { _id: expect.stringMatching(GENERATED.section), name, slug: expect.stringMatching(GENERATED.section) },
    ]);
    expect(section.warnings.map((w) => [w.name, w.line])).toEqual([['SlugGenerated', 4]]);
    expect(section.documents.flatMap(validateExportDocument)).toEqual([]);
  });
});

describe('names that share a slug still conflict', () => {
  it('merges generated people across files, and rejects two spellings under one id', async () => {
    const set = createExportSet();
    const a = convert(['section: Technology', 'bylines: [王小明, Пётр Иванов]'], 'a.md', 'First');
    const b = convert(['section: Technology', 'bylines: [王小明, 李小红]'], 'b.md', 'Second');
    const c = convert(['section: Technology', 'bylines: [Петр Иванов]'], 'c.md', 'Third');
    await set.add(a.documents, new Map(), 'a.md');
    await set.add(b.documents, new Map(), 'b.md');
    const error = await set.add(c.documents, new Map(), 'c.md').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertError);
    expect((error as ConvertError).format()).toContain(
      'c.md ConflictingDocument: a.md already produces the document "person-petr-ivanov", with different content.',
    );
    expect(set.documents().filter((d) => d._type === 'person')).toHaveLength(3);
  });

  it('rejects two spellings under one id within a file, at the second one', () => {
    expect(() => convert(['section: Technology', 'bylines:', '  - Пётр Иванов', '  - Петр Иванов'])).toThrow(
      expect.objectContaining({
        name: 'ConflictingDocument',
        message:
          'The person "Пётр Иванов" in this file already produces the document "person-petr-ivanov", with different content.',
        location: { file: 'story.md', line: 7, column: 5 },
      }),
    );
  });
});
