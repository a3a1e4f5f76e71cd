// A finished build replacing the site in its output directory: the directory
// holds the whole old site or the whole new one, whatever fails in between.
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceDir } from '../../../scripts/support/replace-dir.ts';
import { tempDir } from '../../helpers/lake.ts';

let root: string;
beforeEach(async () => {
  root = tempDir('replace-dir-');
  await site(join(root, 'staging'), 'new');
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** A small site whose every page says which build wrote it. */
async function site(dir: string, build: string): Promise<void> {
  await mkdir(join(dir, 'story'), { recursive: true });
  await writeFile(join(dir, 'index.html'), `front page, ${build} build`);
  for (const slug of ['a', 'b', 'c'])
    await writeFile(join(dir, 'story', `${slug}.html`), `story ${slug}, ${build} build`);
}

const page = (dir: string, path: string) => readFile(join(dir, path), 'utf8');

describe('putting a built site in place', () => {
  it('replaces the old site whole and leaves nothing beside it', async () => {
    const out = join(root, 'public', 'site');
    await site(out, 'old');
    await replaceDir(join(root, 'staging'), out);
    expect(await page(out, 'index.html')).toBe('front page, new build');
    expect(await page(out, 'story/c.html')).toBe('story c, new build');
    expect(await readdir(join(root, 'public'))).toEqual(['site']);
  });

  it('creates the output directory on a first build', async () => {
    const out = join(root, 'first', 'site');
    await replaceDir(join(root, 'staging'), out);
    expect(await page(out, 'story/a.html')).toBe('story a, new build');
  });

  it('keeps the old site whole when the disk fills while the new one is copied to another disk', async () => {
    const out = join(root, 'public', 'site');
    await site(out, 'old');
    // What a copy to a full disk does: some files land, then ENOSPC.
    const copyToFullDisk = async (from: string, to: string) => {
      await mkdir(join(to, 'story'), { recursive: true });
      await cp(join(from, 'index.html'), join(to, 'index.html'));
      throw Object.assign(new Error(`ENOSPC: no space left on device, copyfile '${from}/story/a.html'`), {
        code: 'ENOSPC',
      });
    };
    const failure = await replaceDir(join(root, 'staging'), out, copyToFullDisk).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      name: 'SiteOutputDiskFull',
      message: `The built site could not be put in ${out}: the disk is full. The site there is as it was.`,
      hint: expect.stringContaining(`Free space on the disk holding ${join(root, 'public')}`),
    });
    expect(await page(out, 'index.html')).toBe('front page, old build');
    expect(await page(out, 'story/b.html')).toBe('story b, old build');
    // Neither the partial copy nor a set-aside old site is left to fill the disk further.
    expect(await readdir(join(root, 'public'))).toEqual(['site']);
  });
});
