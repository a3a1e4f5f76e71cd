// The build against content that is not the pristine seed: invalid documents
// (reported, then skipped or fatal in strict mode) and another Sanity-API host
// configured through SANITY_* (read unchanged, published documents only).
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lake, startLake } from '../../lake/index.ts';
import { lakeClient } from '../helpers/lake.ts';
import { type BuildRun, ROOT, readPage, runBuild, tempDir } from '../helpers/site-build.ts';

const SEED_STORY = 'story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail.html';

/** The seed export plus extra NDJSON lines, as a folder the importer reads. */
function seedWith(extra: object[]): string {
  const dir = tempDir('newsroom-content-');
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  const data = join(dir, 'data.ndjson');
  writeFileSync(data, readFileSync(data, 'utf8') + extra.map((d) => `${JSON.stringify(d)}\n`).join(''));
  return dir;
}

const paragraph = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
});

const goodStory = {
  _id: 'story-good',
  _type: 'story',
  headline: 'A valid story',
  slug: { _type: 'slug', current: 'a-valid-story' },
  section: { _type: 'reference', _ref: 'section-technology' },
  publishedAt: '2024-03-01T09:00:00Z',
  body: [paragraph('g1', 'Fine.')],
};
const noSection = { ...goodStory, _id: 'story-no-section', slug: { current: 'no-section' }, section: undefined };
const badSpan = {
  ...goodStory,
  _id: 'story-bad-span',
  slug: { current: 'bad-span' },
  body: [{ ...paragraph('b1', 'x'), children: [{ _type: 'span', _key: 'b1s', text: 42 }] }],
};
const embargoed = {
  ...goodStory,
  _id: 'story-embargoed',
  headline: 'Not yet',
  slug: { current: 'not-yet' },
  publishedAt: '2999-01-01T00:00:00Z',
};

const takenDown = {
  ...goodStory,
  _id: 'story-taken-down',
  headline: 'Withdrawn',
  slug: { current: 'withdrawn' },
  unpublishAt: '2020-01-01T00:00:00Z',
  publishedAt: '2019-01-01T00:00:00Z',
};

// Dates the live filter cannot read: such a story is in no GROQ answer, so
// the loader must look for it to report it.
const noDate = { ...goodStory, _id: 'story-no-date', slug: { current: 'no-date' }, publishedAt: undefined };
const badDate = { ...goodStory, _id: 'story-bad-date', slug: { current: 'bad-date' }, publishedAt: 'yesterday' };
const badTakeDown = {
  ...goodStory,
  _id: 'story-bad-take-down',
  slug: { current: 'bad-take-down' },
  unpublishAt: 'soon',
};

// A second story given the valid story's slug, published a day later: the
// first keeps the address.
const sameSlug = {
  ...goodStory,
  _id: 'story-same-slug',
  headline: 'A second story at the same address',
  publishedAt: '2024-03-02T09:00:00Z',
};

// Text pasted from other programs: a vertical tab in the headline, a bell in
// the body, a start-of-heading in the dek. HTML forbids them, and the deploy
// refuses a page that does not parse cleanly.
const pasted = {
  ...goodStory,
  _id: 'story-pasted',
  headline: 'Pasted\u000BHarbour Levy',
  dek: '\u0001A dek from an old export.',
  slug: { current: 'pasted-harbour-levy' },
  body: [paragraph('c1', 'The levy\u0007 starts\tnow.')],
};

describe('a build with invalid documents', () => {
  let lenient: BuildRun;
  let strict: BuildRun;

  beforeAll(async () => {
    const content = seedWith([
      goodStory,
      noSection,
      badSpan,
      embargoed,
      takenDown,
      pasted,
      noDate,
      badDate,
      badTakeDown,
      sameSlug,
    ]);
    const lakeDir = join(tempDir('newsroom-lake-'), 'lake');
    const { runNodeScript } = await import('../../scripts/support/run-node.ts');
    await runNodeScript(join(ROOT, 'scripts/import.ts'), [content, '--data-dir', lakeDir]);
    [lenient, strict] = await Promise.all([runBuild({ lakeDir }), runBuild({ lakeDir, strict: true })]);
  });

  it('names each invalid document, its type and the field at fault', () => {
    expect(lenient.output).toContain('InvalidDocument: Document "story-no-section" (story) is invalid at section');
    expect(lenient.output).toContain(
      'InvalidDocument: Document "story-bad-span" (story) is invalid at body[_key=="b1"].children[_key=="b1s"].text',
    );
  });

  it('names a story whose dates cannot be read, rather than leaving it out unsaid', () => {
    expect(lenient.output).toContain(
      'InvalidDocument: Document "story-no-date" (story) is invalid at publishedAt: Invalid input: expected string, received undefined.',
    );
    expect(lenient.output).toContain(
      'InvalidDocument: Document "story-bad-date" (story) is invalid at publishedAt: Invalid ISO datetime.',
    );
    expect(lenient.output).toContain(
      'InvalidDocument: Document "story-bad-take-down" (story) is invalid at unpublishAt: Invalid ISO datetime.',
    );
  });

  it('leaves a slug to the first published of two live stories, and reports the other', () => {
    expect(lenient.output).toContain(
      'InvalidDocument: Document "story-same-slug" (story) is invalid at slug: "a-valid-story" is also the slug of story "story-good"',
    );
    const page = readPage(lenient.outDir, 'story/a-valid-story.html');
    expect(textOf(select('h1', page) as Element)).toBe('A valid story');
    for (const file of ['index.html', 'rss.xml', 'feed.json', 'archive/2024/03/02.html']) {
      const path = join(lenient.outDir, file);
      expect(existsSync(path) ? readFileSync(path, 'utf8') : '', file).not.toContain('A second story');
    }
  });

  it('skips them by default and builds everything else', () => {
    expect(lenient.code).toBe(0);
    expect(existsSync(join(lenient.outDir, 'story/a-valid-story.html'))).toBe(true);
    expect(existsSync(join(lenient.outDir, SEED_STORY))).toBe(true);
    expect(existsSync(join(lenient.outDir, 'story/no-section.html'))).toBe(false);
    expect(existsSync(join(lenient.outDir, 'story/bad-span.html'))).toBe(false);
  });

  it('never publishes an embargoed story, nor one whose take-down time has passed', () => {
    expect(existsSync(join(lenient.outDir, 'story/not-yet.html'))).toBe(false);
    expect(existsSync(join(lenient.outDir, 'story/withdrawn.html'))).toBe(false);
    const front = readFileSync(join(lenient.outDir, 'index.html'), 'utf8');
    expect(front).not.toContain('Not yet');
    expect(front).not.toContain('Withdrawn');
  });

  it('keeps control characters out of the pages, and tells the editor where they were', () => {
    const file = join(lenient.outDir, 'story/pasted-harbour-levy.html');
    const html = readFileSync(file, 'utf8');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: they are what must not be there.
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
    const page = readPage(lenient.outDir, 'story/pasted-harbour-levy.html');
    expect(textOf(select('h1', page) as Element)).toBe('Pasted Harbour Levy');
    expect(html).toContain('The levy starts\tnow.');
    const warning = lenient.output.match(/ControlCharactersRemoved: Document "story-pasted" \(story\) .*/g) ?? [];
    expect(warning).toHaveLength(1);
    for (const field of ['headline', 'dek', 'body[_key=="c1"].children[_key=="c1s"].text']) {
      expect(warning[0]).toContain(field);
    }
  });

  it('fails in strict mode, saying how many documents, which is first and what to do', () => {
    expect(strict.code).not.toBe(0);
    expect(strict.output).toContain(
      '6 invalid document(s) and strict mode is on, so the build stops. The first: Document "story-',
    );
    expect(strict.output).toMatch(/What to do: Fix the documents listed above/);
  });
});

describe('a build against another Sanity-API host set in SANITY_*', () => {
  let lake: Lake;
  let run: BuildRun;
  const unusedLakeDir = join(tempDir('unused-'), 'must-not-be-created');

  beforeAll(async () => {
    lake = await startLake({ dataDir: tempDir('newsroom-remote-lake-'), onError: () => {} });
    await lake.import(join(ROOT, 'content'));
    const token = lake.tokens.create({ name: 'editor', role: 'editor' }).token;
    const editor = lakeClient(lake, { token });
    const id = 'story-irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';
    await editor.patch(id).set({ headline: 'Edited on the remote host' }).commit();
    const published = await editor.getDocument(id);
    if (!published) throw new Error('the seed story is missing from the remote lake');
    await editor.createOrReplace({ ...published, _type: 'story', _id: `drafts.${id}`, headline: 'Unpublished draft' });
    const viewer = lake.tokens.create({ name: 'build', role: 'viewer' }).token;
    run = await runBuild({
      lakeDir: unusedLakeDir,
      env: {
        SANITY_API_HOST: lake.url,
        SANITY_PROJECT_ID: lake.projectId,
        SANITY_DATASET: 'production',
        SANITY_TOKEN: viewer,
      },
    });
  });
  afterAll(() => lake?.close());

  it('reads that host, not an embedded lake', () => {
    expect(run.code, run.output).toBe(0);
    expect(run.output).not.toContain('First run');
    expect(existsSync(unusedLakeDir)).toBe(false);
  });

  it('renders the published document, never the draft, even with a token that can read drafts', () => {
    const page = readPage(run.outDir, SEED_STORY);
    expect(textOf(select('h1', page) as Element)).toBe('Edited on the remote host');
    expect(readFileSync(join(run.outDir, SEED_STORY), 'utf8')).not.toContain('Unpublished draft');
  });
});
