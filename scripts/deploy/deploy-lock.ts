// One deploy at a time per release store. A deploy stores its files' blobs
// before it names them in a manifest, and pruning drops every blob no kept
// manifest names: a prune running beside another deploy deleted that deploy's
// blobs, which then went live answering 500 on every page.
//
// The lock is SQLite's exclusive lock on a file of its own beside the store.
// The kernel drops it when its holder exits, even by kill -9, so a dead
// deployer never keeps it (a pid written in a lock file can outlive its
// process, or be reused by another). SQLite also excludes its connections
// from each other within one process, so deploys started by one publisher
// queue the same way as deploys from separate processes.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';

export type DeployLockOptions = {
  /** Called once if another deploy holds the lock, before waiting for it. */
  onWait?: () => void;
  /** How long to wait before giving up (default 15 minutes, far beyond a full deploy at 10k pages). */
  timeoutMs?: number;
};

export const DEPLOY_LOCK_FILE = 'deploy.lock';

/** What `npm run deploy` and `npm run rollback` print while they wait for the lock. */
export const WAITING_FOR_LOCK = 'Another deploy to this release store is under way; waiting for it to finish…';

/** Runs `work` holding the store's deploy lock, waiting (without blocking the event loop) for it first. */
export async function withDeployLock<T>(
  root: string,
  work: () => Promise<T>,
  options: DeployLockOptions = {},
): Promise<T> {
  // timeout 0: a busy lock answers at once, and the wait below is asynchronous.
  const lock = new DatabaseSync(join(root, DEPLOY_LOCK_FILE), { timeout: 0 });
  try {
    const deadline = performance.now() + (options.timeoutMs ?? 15 * 60_000);
    for (let waited = false; !tryLock(lock); waited = true) {
      if (!waited) options.onWait?.();
      if (performance.now() > deadline) throw lockTimeout(root);
      await sleep(50);
    }
    try {
      return await work();
    } finally {
      lock.exec('ROLLBACK');
    }
  } finally {
    lock.close();
  }
}

function tryLock(lock: DatabaseSync): boolean {
  try {
    lock.exec('BEGIN EXCLUSIVE');
    return true;
  } catch (error) {
    if ((error as { errcode?: number }).errcode === SQLITE_BUSY) return false;
    throw error;
  }
}

const SQLITE_BUSY = 5;

function lockTimeout(root: string): Error {
  return Object.assign(new Error(`Another deploy to ${root} has not finished, so this one was not started.`), {
    name: 'DeployLockTimeout',
    hint: 'The live site was not changed. Wait for the other deploy (or stop it), then try again.',
  });
}
