// The files a CLI run converts: each input file as given, and every .md,
// .markdown or .txt file below each input folder (hidden folders and
// node_modules skipped), in a stable order so exports are reproducible.
// Symbolic links are followed (archives are often assembled from links), each
// folder is entered once so a link to a parent cannot loop, and each file is
// converted once however many links lead to it.
import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatOf } from './convert-file.ts';

const SKIP_DIR = /^(\.|node_modules$)/;

export async function findSources(inputs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    if ((await stat(input)).isDirectory()) found.push(...(await walk(input, seen)));
    else found.push(input);
  }
  return found;
}

/** What an entry is, through a symbolic link; undefined for a dangling link. */
async function kindOf(entry: Dirent, path: string): Promise<Pick<Stats, 'isFile' | 'isDirectory'> | undefined> {
  if (!entry.isSymbolicLink()) return entry;
  return stat(path).catch(() => undefined);
}

/** `seen` holds the real paths of folders and files already taken. */
async function walk(dir: string, seen: Set<string>): Promise<string[]> {
  const real = await realpath(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const kind = await kindOf(entry, path);
    if (kind?.isDirectory() && !SKIP_DIR.test(entry.name)) out.push(...(await walk(path, seen)));
    else if (kind?.isFile() && formatOf(path) && (await firstSight(path, seen))) out.push(path);
  }
  return out;
}

async function firstSight(path: string, seen: Set<string>): Promise<boolean> {
  const real = await realpath(path);
  if (seen.has(real)) return false;
  seen.add(real);
  return true;
}
