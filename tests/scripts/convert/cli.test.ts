import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storySource } from '../helpers/story-source.ts';
import { parseNdjson, validateExportDocument } from '../helpers/validate-export.ts';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '../../../scripts/convert/cli.ts');

async function convert(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('convert CLI on an archive folder', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof convert>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'convert-cli-'));
    await mkdir(join(dir, 'archive/2012/images'), { recursive: true });
    await writeFile(join(dir, 'archive/2012/images/port.jpg'), 'not really a jpeg');
    await writeFile(
      join(dir, 'archive/2012/flame.md'),
      storySource('Intro.\n\n![The port](images/port.jpg)\n\n“:quote[It spreads]{speaker=k}.”', [
        'photos: {port.jpg: {credit: {agencies: [Reuters]}}}',
        'speakers: {k: {name: Kaspersky Lab}}',
        'slug: flame',
      ]),
    );
    await writeFile(join(dir, 'archive/2012/notes.txt'), storySource('One *plain* paragraph.', ['slug: notes']));
    await writeFile(join(dir, 'archive/2012/broken.md'), storySource('| a |\n| - |', ['slug: broken']));
    await writeFile(join(dir, 'archive/2012/ignored.html'), '<p>not an input</p>');
    result = await convert(['archive', '--out', 'export'], dir);
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exits 1 with a summary naming the failed file', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Converted 2 of 3 files into export/data.ndjson');
    expect(result.stderr).toContain('1 failed: archive/2012/broken.md. Fix them and run again.');
  });

  it('prints progress per file and the error with its line and hint', () => {
    expect(result.stderr).toContain('[1/3] archive/2012/broken.md failed');
    expect(result.stderr).toContain('archive/2012/broken.md:7:1 TableNotSupported');
    expect(result.stderr).toContain('Hint: Rewrite the table as a list');
    expect(result.stderr).toContain('[2/3] archive/2012/flame.md → story-flame (3 blocks, 1 quotes)');
    expect(result.stderr).toContain('[3/3] archive/2012/notes.txt → story-notes');
  });

  it('writes the good files as valid NDJSON with their images', async () => {
    const docs = parseNdjson(await readFile(join(dir, 'export/data.ndjson'), 'utf8'));
    expect(docs.map((d) => d._id).sort()).toEqual(
      ['story-flame', 'story-notes', 'section-technology', docs.find((d) => d._type === 'quote')?._id ?? ''].sort(),
    );
    expect(docs.flatMap(validateExportDocument)).toEqual([]);
    expect(await readdir(join(dir, 'export/images'))).toEqual(['port.jpg']);
    expect(JSON.stringify(docs)).toContain('"_sanityAsset":"image@file://./images/port.jpg"');
  });

  it('writes the same bytes when run again', async () => {
    const first = await readFile(join(dir, 'export/data.ndjson'), 'utf8');
    await convert(['archive', '--out', 'export2'], dir);
    expect(await readFile(join(dir, 'export2/data.ndjson'), 'utf8')).toBe(first);
  });

  it('explains usage mistakes with exit code 2', async () => {
    const noOut = await convert(['archive'], dir);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('Give the export folder with --out <folder>.');
  });

  it('refuses an --out that is a file in one line, before converting', async () => {
    await writeFile(join(dir, 'taken'), 'a file');
    const taken = await convert(['archive', '--out', 'taken'], dir);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/^--out taken is a file; give a folder/);
    expect(taken.stderr).not.toContain('ENOTDIR');
  });

  it('stops a file whose image is missing and names it', async () => {
    await writeFile(
      join(dir, 'lost.md'),
      storySource('![Gone](images/gone.jpg)', ['photos: {gone.jpg: {credit: {agencies: [AP]}}}']),
    );
    const lost = await convert(['lost.md', '--out', 'export3'], dir);
    expect(lost.code).toBe(1);
    expect(lost.stderr).toContain('lost.md:7:1 ImageNotFound: The image file images/gone.jpg does not exist.');
  });
});

describe('convert CLI with two stories under one slug', () => {
  it('fails the second, naming the file that already has the slug', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'convert-slug-'));
    try {
      await mkdir(join(dir, 'archive'));
      await writeFile(join(dir, 'archive/a.md'), storySource('First story.', ['slug: same']));
      await writeFile(join(dir, 'archive/b.md'), storySource('Second, different story.', ['slug: same']));
      const result = await convert(['archive', '--out', 'export'], dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        'archive/b.md ConflictingDocument: archive/a.md already produces the document "story-same", with different content.',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
