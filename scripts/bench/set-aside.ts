// Nothing is deleted while the benchmarks measure: old work is moved into a
// trash folder and deleted after the last figure is taken.
//
// Why: on the build machine's disk (ext4 without a journal) the kernel will
// not reuse an inode freed in the last minutes, and finds a free one by
// checking every recently freed inode in turn, on every file it creates
// (`recently_deleted` in perf). Measured: 12k pages written in 1.1–1.8 s of
// kernel time after a quiet spell, in 4.9–8.3 s right after 12k files were
// deleted. A build measured right after a deletion would be charged for it,
// and so would the baseline, by different amounts, which made the ratio
// depend on what ran before each of them.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

export type Trash = { setAside(path: string): void; empty(): void };

export function trashIn(dir: string): Trash {
  let count = 0;
  return {
    setAside: (path) => {
      if (!existsSync(path)) return;
      mkdirSync(dir, { recursive: true });
      renameSync(path, join(dir, `${basename(path)}-${process.pid}-${Date.now()}-${count++}`));
    },
    empty: () => rmSync(dir, { recursive: true, force: true }),
  };
}
