import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertFile } from '../../../scripts/convert/convert-file.ts';
import { ConvertError } from '../../../scripts/convert/errors.ts';
import { blockText, storySource } from '../helpers/story-source.ts';

async function failure(path: string): Promise<ConvertError> {
  const error = await convertFile({ path, displayPath: 'story.txt' }).catch((e: unknown) => e);
  if (error instanceof ConvertError) return error;
  throw new Error(`expected a ConvertError, got ${String(error)}`);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'convert-file-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('convertFile reads UTF-8 only', () => {
  it('fails a Latin-1 file naming the first bad line, instead of writing U+FFFD', async () => {
    const path = join(dir, 'latin1.txt');
    await writeFile(path, Buffer.from(storySource('Fine line.\n\nLe café ferme.'), 'latin1'));
    const error = await failure(path);
    expect(error.name).toBe('InvalidUtf8');
    expect(error.location).toEqual({ file: 'story.txt', line: 8, column: undefined });
    expect(error.hint).toContain('UTF-8');
  });

  it('reads valid UTF-8', async () => {
    const path = join(dir, 'utf8.txt');
    await writeFile(path, storySource('Le café ferme.'));
    const { story } = await convertFile({ path });
    expect(story.body.map((b) => blockText(b as { children: { text: string }[] }))).toEqual(['Le café ferme.']);
  });
});

describe('convertFile checks image files', () => {
  it('names the front matter line of a hero image that is missing', async () => {
    const path = join(dir, 'hero.txt');
    const hero = ['hero:', '  alt: A harbour', '  file: images/gone.jpg', '  credit: {agencies: [AFP]}'];
    await writeFile(path, storySource('Text.', hero));
    const error = await failure(path);
    expect(error.name).toBe('ImageNotFound');
    // The YAML starts on line 2; hero.file is its 6th line.
    expect(error.location).toEqual({ file: 'story.txt', line: 7, column: 9 });
  });
});
