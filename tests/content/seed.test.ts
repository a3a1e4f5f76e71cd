// The seed dataset against the page it reproduces (content/reference/): every
// paragraph, quote, the subhead, the photo and the chrome, read from the page
// itself rather than restated here.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { creditLine } from '../../schemas/photo-credit.ts';
import type { Block, PendingPerson, PendingStory, Quote, SiteSettings } from '../../scripts/convert/export-shapes.ts';
import { danglingReferences } from '../../scripts/convert/references.ts';
import { buildSeed, CONTENT_DIR, SEED_DATA } from '../../scripts/seed.ts';
import { blockText } from '../scripts/helpers/story-source.ts';
import { mutualStrongReferences } from '../scripts/helpers/strong-cycles.ts';
import { parseNdjson, validateExportDocument } from '../scripts/helpers/validate-export.ts';

const REFERENCE = join(CONTENT_DIR, 'reference/000_524019db8ab8aa39.txt');

let page: string;
let paragraphs: string[];
let docs: ReturnType<typeof parseNdjson>;
let story: PendingStory;
let blocks: Block[];

beforeAll(async () => {
  page = await readFile(REFERENCE, 'utf8');
  // Paragraphs are separated by one or more blank lines; a single line break stays inside one.
  paragraphs = page.split(/\n(?:[ \t]*\n)+/).map((p) => p.replace(/\n$/, ''));
  docs = parseNdjson(await readFile(SEED_DATA, 'utf8'));
  story = docs.find((d) => d._type === 'story') as unknown as PendingStory;
  blocks = story.body.filter((b): b is Block => b._type === 'block');
});

/** The article text: the paragraphs after the photo credit, up to the browser banner. */
function bodyParagraphs(): string[] {
  const credit = paragraphs.findIndex((p) => p.includes('Photographer: '));
  const banner = paragraphs.indexOf('Please upgrade your Browser');
  return paragraphs.slice(credit + 1, banner);
}

describe('content/data.ndjson', () => {
  it('equals a fresh conversion of content/source (regenerate with node scripts/seed.ts --write)', async () => {
    expect(await buildSeed()).toBe(await readFile(SEED_DATA, 'utf8'));
  });

  it('passes the seed script check', async () => {
    const { stderr } = await promisify(execFile)(process.execPath, [join(CONTENT_DIR, '../scripts/seed.ts')]);
    expect(stderr).toMatch(/content\/data\.ndjson is up to date \(\d+ documents\)/);
  });

  it('validates every document against the content model', () => {
    expect(docs.length).toBeGreaterThan(5);
    expect(docs.flatMap(validateExportDocument)).toEqual([]);
  });

  it('has no reference to a document outside the dataset', () => {
    expect(danglingReferences(docs as never)).toEqual([]);
  });

  it('has no two documents referring to each other strongly, so an editor can take any story down', () => {
    expect(mutualStrongReferences(docs)).toEqual([]);
  });
});

describe('the seed article', () => {
  it('has the headline with its exact characters', () => {
    const headline = paragraphs.find((p) => p.includes('Cyber Attacks to Fail'));
    expect(story.headline).toBe(headline);
    expect(story.headline).toBe('Iran’s Mehmanparast Says ‘Soft War’ Cyber Attacks to Fail');
  });

  it('keeps every paragraph verbatim, one block each, in order', () => {
    expect(blocks.map(blockText)).toEqual(bodyParagraphs());
    expect(story.body).toHaveLength(bodyParagraphs().length);
  });

  it('makes ‘Various Measures’ an h2 subhead and every other block a paragraph', () => {
    expect(blocks.filter((b) => b.style === 'h2').map(blockText)).toEqual(['‘Various Measures’']);
    expect(blocks.filter((b) => b.style !== 'h2').every((b) => b.style === 'normal')).toBe(true);
  });

  it('is in Technology with no invented dek, byline or topics', () => {
    const section = docs.find((d) => d._id === story.section._ref);
    expect(section).toMatchObject({ _type: 'section', name: 'Technology' });
    expect(story).not.toHaveProperty('dek');
    expect(story).not.toHaveProperty('bylines');
    expect(story).not.toHaveProperty('topics');
    expect(story.publishedAt.startsWith('2012-05-29T')).toBe(true);
  });

  it('has the photo with its alt, caption and credit as the page prints them', async () => {
    const [alt, captionAndCredit = ''] = paragraphs.find((p) => p.includes('Photographer: '))?.split('\n') ?? [];
    const [caption, credit] = captionAndCredit.split(' Photographer: ');
    const hero = story.heroPhoto;
    expect(hero).toMatchObject({
      _type: 'photo',
      alt,
      caption,
      _sanityAsset: 'image@file://./images/mehmanparast.jpg',
    });
    expect(alt).toBe("Iran's Foreign Ministry Spokesman Ramin Mehmanparast");
    const photographer = docs.find((d) => d._id === hero?.credit.photographer?.person?._ref) as
      | PendingPerson
      | undefined;
    expect(creditLine({ photographerName: photographer?.name, agencies: hero?.credit.agencies })).toBe(
      `Photographer: ${credit}`,
    );
    expect(hero?.credit.agencies).toEqual(['AFP', 'Getty Images']);
    const image = await sharp(join(CONTENT_DIR, 'images/mehmanparast.jpg')).metadata();
    expect([image.format, image.width, image.height]).toEqual(['jpeg', 1200, 800]);
  });
});

describe('the seed quotes', () => {
  const quoteDocs = () => docs.filter((d): d is typeof d & Quote => d._type === 'quote');

  it('has a quote document for every “…” in the text except the ministry’s “soft war” term', () => {
    const quoted = bodyParagraphs().flatMap((p) => [...p.matchAll(/“([^”]+)”/g)].map((m) => m[1] ?? ''));
    // A comma closing a quoted clause is the sentence's, not the speaker's.
    const expected = quoted.filter((q) => q !== 'soft war').map((q) => q.replace(/,$/, ''));
    expect(quoted).toContain('soft war');
    expect(quoteDocs().map((q) => q.text)).toEqual(expected);
  });

  it('attributes each quote to its speaker with their role as the text gives it', () => {
    expect(quoteDocs().map((q) => [q.text.slice(0, 24), q.speaker.name, q.speakerRole])).toEqual([
      ['Illegitimate regimes are', 'Ramin Mehmanparast', 'the ministry’s spokesman'],
      ['trying to use the cyber ', 'Ramin Mehmanparast', 'the ministry’s spokesman'],
      ['highly sophisticated mal', 'Kaspersky Lab', 'the Moscow-based information-technology security company'],
      ['Its complexity and funct', 'Kaspersky Lab', 'the Moscow-based information-technology security company'],
      ['reasonable that whoever ', 'Moshe Yaalon', 'Israeli Vice Prime Minister'],
      ['Israel is blessed as a c', 'Moshe Yaalon', 'Israeli Vice Prime Minister'],
    ]);
    for (const q of quoteDocs()) {
      expect(page).toContain(q.speaker.name);
      expect(page).toContain((q.speakerRole ?? '').replace(/^the /, ''));
      expect(q.story?._ref).toBe(story._id);
    }
  });

  it('annotates exactly the quoted words in the paragraphs', () => {
    const annotated = blocks.flatMap((block) =>
      (block.markDefs ?? []).flatMap((def) =>
        def._type === 'quotation'
          ? [
              [
                def.quote._ref,
                block.children
                  .filter((s) => s.marks?.includes(def._key))
                  .map((s) => s.text)
                  .join(''),
              ],
            ]
          : [],
      ),
    );
    expect(annotated).toEqual(quoteDocs().map((q) => [q._id, q.text]));
  });
});

describe('the seed chrome (siteSettings)', () => {
  const settings = () => docs.find((d) => d._id === 'siteSettings') as unknown as SiteSettings;

  it('has the site name, top links and tagline of the page', () => {
    expect(settings().siteName).toBe('Bloomberg');
    expect(
      settings()
        .primaryNav?.map((l) => l.label)
        .join(' '),
    ).toBe(paragraphs[0]);
    expect(settings().primaryNav?.map((l) => l.label)).toEqual([
      'Bloomberg Anywhere Remote Login',
      'Bloomberg Terminal Demo Request',
    ]);
    expect(settings().primaryNav?.every((l) => l.href.startsWith('https://') && l.href.includes('bloomberg'))).toBe(
      true,
    );
    expect(settings().tagline).toBe(paragraphs[1]);
  });

  it('has the footer group headings in page order', () => {
    const titles = settings().footerGroups?.map((g) => g.title) ?? [];
    expect(titles).toEqual(['Financial Products', 'Enterprise Products', 'Industry Products', 'Media Services']);
    const positions = titles.map((t) => paragraphs.indexOf(t));
    expect(positions.every((p, i) => p > 0 && (i === 0 || p > (positions[i - 1] ?? 0)))).toBe(true);
  });

  it('has the support heading and the three regional numbers as printed', () => {
    expect(settings().supportHeading).toBe('Customer Support');
    const printed = [...page.matchAll(/• (.+)\n\n\s+(\+[\d ]+)\n/g)].map((m) => [m[1], m[2]]);
    expect(printed).toHaveLength(3);
    expect(settings().supportNumbers?.map((n) => [n.region, n.display])).toEqual(printed);
    for (const n of settings().supportNumbers ?? []) expect(n.phone).toBe(`+${n.display?.replace(/\D/g, '')}`);
  });

  it('has the social heading and links', () => {
    expect(paragraphs).toContain(settings().socialHeading);
    expect(settings().socialHeading).toBe('Follow Us');
    expect(settings().social?.length).toBeGreaterThan(0);
  });
});
