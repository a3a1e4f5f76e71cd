// A build whose embedded lake cannot start: Astro starts beside the lake, so
// the failure must still be the lake's own, named, with what to do, and the
// build must leave no site and no lake behind.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runningLake } from '../../lake/running-lake.ts';
import { runBuild, tempDir } from '../helpers/site-build.ts';

describe('a build whose lake database is damaged', () => {
  it('fails with the lake’s named error and what to do, and writes no site', async () => {
    const lakeDir = tempDir('newsroom-bad-lake-');
    mkdirSync(lakeDir, { recursive: true });
    writeFileSync(join(lakeDir, 'lake.db'), 'These bytes were never a SQLite database. '.repeat(4));
    const outDir = join(tempDir('newsroom-dist-'), 'site');

    const run = await runBuild({ lakeDir, outDir });

    expect(run.code).toBe(1);
    expect(run.output).toContain(
      `LakeDatabaseUnreadable: The lake's database ${join(lakeDir, 'lake.db')} cannot be opened`,
    );
    expect(run.output).toContain('What to do: Restore the data directory from a backup');
    expect(run.output).toContain('Build failed: The embedded lake exited (code 1) before it was ready');
    // Named errors are for people: no stack trace.
    expect(run.output).not.toMatch(/at openDatabase/);
    expect(existsSync(outDir)).toBe(false);
    expect(runningLake(lakeDir)).toBeUndefined();
  });
});
