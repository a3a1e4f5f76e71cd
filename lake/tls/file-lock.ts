import { closeSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = '.lock';
/** A lock older than this was left by a process that died mid-way. */
const STALE_MS = 30_000;
const WAIT_MS = 50;

/**
 * Runs `work` while holding `<dir>/.lock`: two processes starting at once (a
 * lake and a test, say) must not each make a CA, leaving a server
 * certificate signed by the one that lost.
 */
export function withDirectoryLock<T>(dir: string, work: () => T): T {
  const lock = join(dir, LOCK_FILE);
  const deadline = Date.now() + STALE_MS * 2;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) throw error;
      if (isStale(lock)) rmSync(lock, { force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAIT_MS);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}

function isStale(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > STALE_MS;
  } catch {
    return true;
  }
}

/** Writes through a temporary file and a rename, so a reader never sees half a key. */
export function writeFileAtomic(path: string, data: string, mode: number): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data, { mode });
  renameSync(temporary, path);
}
