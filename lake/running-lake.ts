import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a running lake writes to `<dataDir>/lake.json` (removed when it closes). */
export type RunningLake = { pid: number; url: string; httpUrl?: string; projectId: string };

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
