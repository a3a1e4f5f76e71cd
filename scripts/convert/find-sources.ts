// The files a CLI run converts: each input file as given, and every .md,
// .markdown or .txt file below each input folder (hidden folders and
// node_modules skipped), in a stable order so exports are reproducible.
// Symbolic links are followed (archives are often assembled from links), each
// folder is entered once so a link cannot loop, and each file is converted
// once however many links lead to it. A link to a folder that holds the input
// folder (a parent, or /) is not followed: it would take in everything beside
// the archive, up to the whole disk.
import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { formatOf } from './convert-file.ts';

const SKIP_DIR = /^(\.|node_modules$)/;

export async function findSources(inputs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    if ((await stat(input)).isDirectory()) found.push(...(await walk(input, seen, await realpath(input))));
    else found.push(input);
  }
  return found;
}

/** What an entry is, through a symbolic link; undefined for a dangling link. */
async function kindOf(entry: Dirent, path: string): Promise<Pick<Stats, 'isFile' | 'isDirectory'> | undefined> {
  if (!entry.isSymbolicLink()) return entry;
  return stat(path).catch(() => undefined);
}

/** `seen` holds the real paths of folders and files already taken; `root` is the input folder's. */
async function walk(dir: string, seen: Set<string>, root: string): Promise<string[]> {
  const real = await realpath(dir);
  if (seen.has(real) || holds(real, root)) return [];
  seen.add(real);
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const kind = await kindOf(entry, path);
    if (kind?.isDirectory() && !SKIP_DIR.test(entry.name)) out.push(...(await walk(path, seen, root)));
    else if (kind?.isFile() && formatOf(path) && (await firstSight(path, seen))) out.push(path);
  }
  return out;
}

/** Whether folder `outer` holds folder `inner` (is one of its parents). */
function holds(outer: string, inner: string): boolean {
  return inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

async function firstSight(path: string, seen: Set<string>): Promise<boolean> {
  const real = await realpath(path);
  if (seen.has(real)) return false;
  seen.add(real);
  return true;
}
