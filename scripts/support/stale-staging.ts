// Where each build writes before its site is moved into place
// (.builds/<pid>-<hex>, see site-build.ts), and the sweep of those left behind
// by builds that were killed outright. A build removes its own when it ends,
// failed or not, but a SIGKILL (the OOM killer, an operator's kill -9) skips
// that and leaves a whole site, about 270 MB at 10k stories, for good. The
// publisher's per-run files are swept the same way (publish-once.ts).
import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const STAGING = /^(\d+)-[0-9a-f]+$/;

/** A new staging directory's path under `buildsDir`, named for this process so a sweep can tell when it is gone. */
export function stagingDir(buildsDir: string): string {
  return join(buildsDir, `${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Whether a process with this id exists (EPERM: it does, as another user's). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the staging directories under `buildsDir` whose build process is gone; returns their names. */
export function sweepStaleStaging(buildsDir: string): Promise<string[]> {
  return sweepDeadProcessFiles(buildsDir, STAGING);
}

/**
 * Removes the files and directories under `dir` whose names match `pattern`
 * (its first group a process id) and whose process is gone; returns their names.
 */
export async function sweepDeadProcessFiles(dir: string, pattern: RegExp): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    const pid = Number(pattern.exec(name)?.[1]);
    return pid > 0 && pid !== process.pid && !alive(pid);
  });
  await Promise.all(stale.map((name) => rm(join(dir, name), { recursive: true, force: true })));
  return stale;
}
