// A build killed outright leaves its staging directory; the next build
// removes it, and never one whose build is still running.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stagingDir, sweepStaleStaging } from '../../scripts/support/stale-staging.ts';

/** The id of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

describe('sweepStaleStaging', () => {
  it('removes the staging directories of ended builds and keeps running ones', async () => {
    const builds = mkdtempSync(join(tmpdir(), 'stale-staging-'));
    const dead = `${deadPid()}-1a2b3c4d`;
    // Named as this build's own would be: kept while this process runs.
    const mine = basename(stagingDir(builds));
    for (const name of [dead, mine, 'notes', '123-not-hex']) {
      mkdirSync(join(builds, name, 'story'), { recursive: true });
      writeFileSync(join(builds, name, 'story', 'a.html'), '<p>a</p>');
    }
    expect(await sweepStaleStaging(builds)).toEqual([dead]);
    expect(existsSync(join(builds, dead))).toBe(false);
    for (const kept of [mine, 'notes', '123-not-hex']) expect(existsSync(join(builds, kept))).toBe(true);
  });

  it('does nothing where no build ever ran', async () => {
    expect(await sweepStaleStaging(join(tmpdir(), 'no-such-builds-dir'))).toEqual([]);
  });
});
