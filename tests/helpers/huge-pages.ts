// Reading how much of a process's memory sits in transparent huge pages, and
// whether this kernel hands them out at all, for tests of allocator settings.
import { readFileSync } from 'node:fs';

/** The kernel's transparent-huge-page mode: `always`, `madvise` (on request) or `never`. */
export function hugePageMode(): string {
  try {
    return /\[(\w+)\]/.exec(readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8'))?.[1] ?? 'never';
  } catch {
    return 'never';
  }
}

/** Resident kilobytes of a process held in anonymous huge pages. */
export function hugePageKb(pid: number | 'self'): number {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  return Number(/AnonHugePages:\s+(\d+)/.exec(rollup)?.[1] ?? 0);
}
