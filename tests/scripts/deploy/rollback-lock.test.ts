// A rollback while a deploy holds the store's lock waits for it, as a second
// deploy does. Rollback once switched at once: beside a deploy's prune, it
// could make live a release the prune was deleting, whose files were then gone.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { deployBuild } from '../../../scripts/deploy/deploy-build.ts';
import { DEPLOY_LOCK_FILE, withDeployLock } from '../../../scripts/deploy/deploy-lock.ts';
import { releaseStore } from '../../../scripts/deploy/release-store.ts';
import { rollback } from '../../../scripts/deploy/rollback.ts';
import { smallestBuild } from '../helpers/smallest-build.ts';

const ROLLBACK = join(import.meta.dirname, '../../../scripts/rollback.ts');

/** A store with two releases, the second live: a rollback would go back to the first. */
async function twoReleases() {
  const dir = mkdtempSync(join(tmpdir(), 'rollback-lock-releases-'));
  const store = releaseStore(dir);
  const first = (await deployBuild({ store, buildDir: smallestBuild('first') })).manifest.id;
  const second = (await deployBuild({ store, buildDir: smallestBuild('second') })).manifest.id;
  return { dir, store, first, second };
}

/** Holds the lock as a running deploy would, until `release` is called. */
function holdLock(dir: string): { held: Promise<void>; release: () => void } {
  let release = () => {};
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = () => {};
  const heldNow = new Promise<void>((resolve) => {
    held = resolve;
  });
  void withDeployLock(dir, async () => {
    held();
    await done;
  });
  return { held: heldNow, release };
}

describe('rolling back while a deploy holds the lock', () => {
  it('waits for the deploy to finish before switching', async () => {
    const { dir, store, first, second } = await twoReleases();
    const lock = holdLock(dir);
    await lock.held;
    try {
      let waited = false;
      const rolling = rollback(store, undefined, { onWait: () => (waited = true) });
      // Long enough for a rollback that ignores the lock to have switched.
      await Promise.race([rolling, sleep(300)]);
      expect(store.liveId()).toBe(second);
      expect(waited).toBe(true);
      lock.release();
      const { from, to } = await rolling;
      expect({ from, to: to.id }).toEqual({ from: second, to: first });
      expect(store.liveId()).toBe(first);
    } finally {
      lock.release();
      store.close();
    }
  });

  it('gives up after the timeout, as a deploy does, leaving the live release as it was', async () => {
    const { dir, store, second } = await twoReleases();
    const lock = holdLock(dir);
    await lock.held;
    try {
      await expect(rollback(store, undefined, { timeoutMs: 200 })).rejects.toMatchObject({
        name: 'DeployLockTimeout',
        message: `Another deploy to ${dir} has not finished, so this one was not started.`,
      });
      expect(store.liveId()).toBe(second);
    } finally {
      lock.release();
      store.close();
    }
  });

  it('has `npm run rollback` say it waits for a deploy in another process, then roll back', async () => {
    const { dir, store, first, second } = await twoReleases();
    // Another process's deploy, holding the lock until its stdin closes.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('node:sqlite').DatabaseSync)(${JSON.stringify(join(dir, DEPLOY_LOCK_FILE))});
         db.exec('BEGIN EXCLUSIVE'); console.log('held');
         process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); }).resume();`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    await once(holder.stdout, 'data');
    try {
      const run = spawn(process.execPath, [ROLLBACK], {
        env: { ...process.env, NEWSROOM_RELEASES_DIR: dir },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      run.stdout.on('data', (chunk: Buffer) => {
        output += chunk;
      });
      const exited = once(run, 'exit');
      const saysWaiting = (async () => {
        while (!output.includes('waiting for it to finish') && run.exitCode === null) await sleep(20);
      })();
      await Promise.race([saysWaiting, exited, sleep(10_000)]);
      expect(store.liveId()).toBe(second);
      expect(output).toContain('Another deploy to this release store is under way; waiting for it to finish…');
      holder.stdin.end();
      const [code] = await exited;
      expect(code).toBe(0);
      expect(output).toContain(`Rolled back from ${second} to ${first}`);
      expect(store.liveId()).toBe(first);
    } finally {
      holder.stdin.end();
      store.close();
    }
  }, 30_000);
});
