// Nothing is deleted while the benchmarks measure: old work is moved into a
// trash folder and deleted after the last figure is taken.
//
// Why: on the build machine's disk (ext4 without a journal) the kernel will
// not reuse an inode freed in the last minutes, and finds a free one by
// checking every recently freed inode in turn, on every file it creates
// (perf: 10 % of a 10k build's samples in `recently_deleted` under
// `ext4_create`, right after 14.6k files were deleted). Measured: the bare
// baseline took 7.1-7.2 s with nothing deleted before it, and 9.7 s right
// after its last 10k pages were deleted (5.5 s in the kernel, not 2.9). A build
// measured right after a deletion is charged for it, and so is the baseline,
// by different amounts, which made the ratio depend on what ran before each.
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
