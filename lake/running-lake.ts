import { existsSync, linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a running lake writes to `<dataDir>/lake.json` (removed when it closes). */
export type RunningLake = {
  pid: number;
  url: string;
  httpUrl?: string;
  projectId: string;
  /**
   * Started by one build for itself and stopped as soon as that build has
   * loaded its content: others must wait for it to go rather than read from it.
   */
  private?: boolean;
};

export const MARKER_FILE = 'lake.json';

/**
 * The lake currently serving `dataDir`, if any: another process can find its
 * URL here, and offline tools (import) refuse to write under a live lake,
 * whose in-memory state would not see their changes.
 */
export function runningLake(dataDir: string): RunningLake | undefined {
  const path = join(dataDir, MARKER_FILE);
  if (!existsSync(path)) return undefined;
  let marker: RunningLake;
  try {
    marker = JSON.parse(readFileSync(path, 'utf8')) as RunningLake;
  } catch {
    return undefined;
  }
  try {
    process.kill(marker.pid, 0);
    return marker;
  } catch {
    // The process is gone (killed without closing): the marker is stale.
    return undefined;
  }
}

/** Thrown when a second lake would serve a data directory: two would each hold their own copy in memory. */
export function lakeAlreadyRunning(dataDir: string, other: RunningLake | undefined): Error {
  const who = other ? ` (pid ${other.pid}, ${other.url})` : '';
  return Object.assign(new Error(`A lake already serves ${dataDir}${who}.`), {
    name: 'LakeAlreadyRunning',
    hint: 'Stop the other lake first (its `npm start` or build), or give this one its own data: LAKE_DIR=<dir>.',
  });
}

/**
 * Writes this lake's marker, unless a live lake already has one there. The
 * marker is written whole to a file of its own and then hard-linked into
 * place, which fails if the name exists: of two lakes starting at once on the
 * same directory exactly one wins, and no reader ever sees half a marker. A
 * stale marker (its process gone) is replaced. Returns the marker's path.
 */
export function claimRunningLake(dataDir: string, marker: RunningLake): string {
  const path = join(dataDir, MARKER_FILE);
  const own = `${path}.${process.pid}`;
  writeFileSync(own, `${JSON.stringify(marker)}\n`);
  try {
    if (!linkInto(own, path)) {
      const other = runningLake(dataDir);
      if (other) throw lakeAlreadyRunning(dataDir, other);
      rmSync(path, { force: true });
      if (!linkInto(own, path)) throw lakeAlreadyRunning(dataDir, runningLake(dataDir));
    }
    return path;
  } finally {
    rmSync(own, { force: true });
  }
}

/** Links `from` to the new name `to`; false if `to` exists. */
function linkInto(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
