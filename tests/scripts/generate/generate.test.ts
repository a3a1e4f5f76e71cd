import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, PendingStory, Quote } from '../../../scripts/convert/export-shapes.ts';
import { SANITY_ASSET } from '../../../scripts/convert/export-shapes.ts';
import { danglingReferences } from '../../../scripts/convert/references.ts';
import { generateNewsroom } from '../../../scripts/generate/generate-newsroom.ts';
import { mutualStrongReferences } from '../helpers/strong-cycles.ts';
import { parseNdjson, validateExportDocument } from '../helpers/validate-export.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const STORIES = 400;

let dir: string;
let text: string;
let docs: ReturnType<typeof parseNdjson>;
let stories: PendingStory[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'generate-'));
  await generateNewsroom({ stories: STORIES, out: join(dir, 'a'), seed: 7, now: NOW });
  text = await readFile(join(dir, 'a/data.ndjson'), 'utf8');
  docs = parseNdjson(text);
  stories = docs.filter((d) => d._type === 'story') as unknown as PendingStory[];
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const ofType = (type: string) => docs.filter((d) => d._type === type);

describe('generated newsroom', () => {
  it('validates every document against the content model', () => {
    expect(docs.flatMap(validateExportDocument)).toEqual([]);
  });

  it('has the requested stories, 8 sections and one person per 50 stories (at least 5)', () => {
    expect(stories).toHaveLength(STORIES);
    expect(ofType('section')).toHaveLength(8);
    expect(ofType('person')).toHaveLength(8);
  });

  it('has unique ids and slugs and no reference outside the export', () => {
    expect(new Set(docs.map((d) => d._id)).size).toBe(docs.length);
    expect(new Set(stories.map((s) => s.slug.current)).size).toBe(STORIES);
    expect(danglingReferences(docs as never)).toEqual([]);
    // A strong pair could never be deleted or unpublished one at a time.
    expect(mutualStrongReferences(docs)).toEqual([]);
  });

  it('reuses a pool of 24 distinct JPEGs that every photo points into', async () => {
    const files = await readdir(join(dir, 'a/images'));
    expect(files).toHaveLength(24);
    const hashes = await Promise.all(
      files.map(async (f) =>
        createHash('sha1')
          .update(await readFile(join(dir, 'a/images', f)))
          .digest('hex'),
      ),
    );
    expect(new Set(hashes).size).toBe(24);
    const sizes = await Promise.all(files.map(async (f) => (await sharp(join(dir, 'a/images', f)).metadata()).width));
    expect(new Set(sizes).size).toBeGreaterThan(3);
    const used = [...text.matchAll(/"_sanityAsset":"([^"]+)"/g)].map((m) => SANITY_ASSET.exec(m[1] ?? '')?.[1]);
    expect(used.length).toBeGreaterThan(STORIES);
    expect(used.every((name) => name && files.includes(name))).toBe(true);
    expect(new Set(used).size).toBe(24);
  });

  it('credits photos to staff, named freelancers and agencies', () => {
    const credits = stories.flatMap((s) => (s.heroPhoto ? [s.heroPhoto.credit] : []));
    expect(credits.some((c) => c.photographer?.person)).toBe(true);
    expect(credits.some((c) => c.photographer?.name && c.agencies?.length)).toBe(true);
    expect(credits.some((c) => !c.photographer && c.agencies?.length)).toBe(true);
  });

  it('spreads publication over the last 90 days with a few in the last 48 hours', () => {
    const ages = stories.map((s) => NOW.getTime() - Date.parse(s.publishedAt));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(90 * DAY);
    expect(Math.max(...ages)).toBeGreaterThan(60 * DAY);
    const recent = ages.filter((a) => a <= 2 * DAY).length;
    expect(recent).toBeGreaterThan(0);
    expect(recent).toBeLessThan(STORIES / 5);
    expect(stories.some((s) => s.updatedAt && s.updatedAt > s.publishedAt)).toBe(true);
    expect(stories.some((s) => s.corrections?.length)).toBe(true);
  });

  it('gives each story 1–3 bylines, topics and a realistic body', () => {
    for (const story of stories) {
      expect(story.bylines?.length).toBeGreaterThanOrEqual(1);
      expect(story.bylines?.length).toBeLessThanOrEqual(3);
      expect(story.topics?.length).toBeGreaterThan(0);
      const blocks = story.body.filter((b): b is Block => b._type === 'block');
      const paragraphs = blocks.filter((b) => b.style === 'normal').length;
      expect(paragraphs).toBeGreaterThanOrEqual(6);
      expect(paragraphs).toBeLessThanOrEqual(12);
      expect(blocks.some((b) => b.style === 'h2')).toBe(true);
      expect(story.body.filter((b) => b._type === 'pullQuote')).toHaveLength(1);
    }
    expect(stories.some((s) => s.body.some((b) => b._type === 'photo'))).toBe(true);
    expect(stories.some((s) => s.related?.length)).toBe(true);
    // As the Studio writes them (schemas/story.ts): a related story can still be taken down.
    expect(stories.flatMap((s) => s.related ?? []).every((r) => r._weak === true)).toBe(true);
    expect(stories.some((s) => JSON.stringify(s.body).includes('"href":"/story/'))).toBe(true);
  });

  it('backs every quotation annotation with a quote document about that story', () => {
    const quotes = new Map(ofType('quote').map((q) => [q._id, q as unknown as Quote]));
    let annotations = 0;
    for (const story of stories) {
      for (const block of story.body) {
        if (block._type !== 'block') continue;
        for (const def of block.markDefs ?? []) {
          if (def._type !== 'quotation') continue;
          annotations++;
          const quote = quotes.get(def.quote._ref);
          expect(quote?.story?._ref).toBe(story._id);
          const words = block.children.filter((s) => s.marks?.includes(def._key)).map((s) => s.text);
          expect(words.join('')).toBe(quote?.text);
        }
      }
    }
    expect(annotations).toBe(quotes.size);
    expect(annotations).toBeGreaterThanOrEqual(STORIES);
  });

  it('is deterministic for a seed and changes with it', async () => {
    await generateNewsroom({ stories: STORIES, out: join(dir, 'b'), seed: 7, now: NOW });
    await generateNewsroom({ stories: STORIES, out: join(dir, 'c'), seed: 8, now: NOW });
    expect(await readFile(join(dir, 'b/data.ndjson'), 'utf8')).toBe(text);
    expect(await readFile(join(dir, 'c/data.ndjson'), 'utf8')).not.toBe(text);
  });
});

describe('generate CLI', () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [join(import.meta.dirname, '../../../scripts/generate.ts'), ...args]).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );

  it('writes the folder and summarises', async () => {
    const out = join(dir, 'cli');
    const result = await run(['--stories', '12', '--out', out, '--seed', '3', '--now', '2026-06-01T00:00:00Z']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Wrote ${out}/data.ndjson: 12 stories`);
    expect(result.stderr).toContain('5 people, 8 sections');
    expect(
      parseNdjson(await readFile(join(out, 'data.ndjson'), 'utf8')).filter((d) => d._type === 'story'),
    ).toHaveLength(12);
  });

  it.each([
    [['--out', 'x'], '--stories'],
    [['--stories', 'ten', '--out', 'x'], '--stories'],
    [['--stories', '5'], '--out'],
    [['--stories', '5', '--out', 'x', '--now', 'yesterday'], '--now'],
  ])('rejects %j naming %s', async (args, flag) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(flag);
    expect(result.stderr).toContain('Usage: node scripts/generate.ts');
  });
});
