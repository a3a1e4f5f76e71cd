// The loader keeps stories in its own SQLite store beside Astro's data store
// (site/lib/content/story-store.ts). If that file is lost while the data store
// survives, the next build must fetch the stories again, not drop them.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild, tempDir } from '../helpers/site-build.ts';

const SEED_STORY = 'story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail.html';

describe('a build whose story store was lost', () => {
  it('fetches the stories again and publishes every one', async () => {
    const lakeDir = join(tempDir('newsroom-lake-'), 'lake');
    const cacheDir = tempDir('newsroom-cache-');
    const env = { NEWSROOM_CACHE_DIR: cacheDir };
    const first = await runBuild({ lakeDir, env });
    expect(first.code, first.output).toBe(0);
    expect(existsSync(join(first.outDir, SEED_STORY))).toBe(true);

    const store = join(cacheDir, 'newsroom-stories.sqlite');
    expect(existsSync(store)).toBe(true);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${store}${suffix}`, { force: true });

    const second = await runBuild({ lakeDir, env });
    expect(second.code, second.output).toBe(0);
    expect(existsSync(join(second.outDir, SEED_STORY))).toBe(true);
    expect(readFileSync(join(second.outDir, 'index.html'), 'utf8')).toContain('Mehmanparast');
  });
});
