// Puts a cached directory into the build without copying its bytes: files are
// hard-linked (copied only across file systems), so the cache keeps its copy
// for the next build.
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function linkTree(from: string, to: string): Promise<number> {
  await mkdir(to, { recursive: true });
  let files = 0;
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      files += await linkTree(source, target);
    } else {
      await link(source, target).catch(() => copyFile(source, target));
      files++;
    }
  }
  return files;
}
