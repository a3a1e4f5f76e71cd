// A build killed outright leaves its staging directory; the next build
// removes it, and never one whose build is still running. So with the files of
// a publisher killed mid-publish: the next publish removes them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepStaleRuns } from '../../scripts/publisher/publish-once.ts';
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

describe('sweepStaleRuns', () => {
  it("removes what a killed publisher's runs left, and keeps a running publisher's", async () => {
    const work = mkdtempSync(join(tmpdir(), 'stale-runs-'));
    const dead = deadPid();
    const left = [`base-keys-mfx1-${dead}.json`, `keys-mfx1-${dead}.json`, `revisions-mfx1-${dead}.json`];
    const running = [`base-keys-mfx2-${process.pid}.json`, 'notes.json'];
    for (const name of [...left, ...running]) writeFileSync(join(work, name), '{}');
    mkdirSync(join(work, `out-mfx1-${dead}`, 'story'), { recursive: true });
    const swept = await sweepStaleRuns(work);
    expect(swept.sort()).toEqual([...left, `out-mfx1-${dead}`].sort());
    for (const name of swept) expect(existsSync(join(work, name))).toBe(false);
    for (const name of running) expect(existsSync(join(work, name))).toBe(true);
  });
});
