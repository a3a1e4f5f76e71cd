// The files a build publishes, by public path (leading slash, as a release
// manifest lists them): every file of the build folder but the build's own
// records, which are for the deploy and not for readers.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { BUILD_RECORDS } from './story-redirects.ts';

/** Public path → the file's path on disk. */
export async function publicBuildFiles(buildDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(buildDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const publicPath = `/${relative(buildDir, path).split(sep).join('/')}`;
    if (!publicPath.startsWith(BUILD_RECORDS)) files.set(publicPath, path);
  }
  return files;
}
