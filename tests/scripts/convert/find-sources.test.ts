import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSources } from '../../../scripts/convert/find-sources.ts';

describe('findSources in folders with symbolic links', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'find-sources-'));
    await mkdir(join(dir, 'archive/2012'), { recursive: true });
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'archive/2012/a.md'), '');
    await writeFile(join(dir, 'elsewhere/b.md'), '');
    await writeFile(join(dir, 'elsewhere/c.txt'), '');
    await symlink('../elsewhere', join(dir, 'archive/linked'));
    await symlink('../elsewhere/c.txt', join(dir, 'archive/c.txt'));
    await symlink('..', join(dir, 'archive/2012/loop'));
    await symlink('../gone.md', join(dir, 'archive/dead.md'));
    // Links to folders holding the archive: following them would take in everything beside it.
    await writeFile(join(dir, 'outside.md'), '');
    await symlink('..', join(dir, 'archive/up'));
    await symlink('/', join(dir, 'archive/everything'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('follows linked files and folders once each, without looping, leaving the archive, or failing on a dangling link', async () => {
    const found = await findSources([join(dir, 'archive')]);
    expect(found.map((p) => p.slice(dir.length + 1))).toEqual([
      'archive/2012/a.md',
      'archive/c.txt',
      'archive/linked/b.md',
    ]);
  });
});
