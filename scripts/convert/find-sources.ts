// The files a CLI run converts: each input file as given, and every .md,
// .markdown or .txt file below each input folder (hidden folders and
// node_modules skipped), in a stable order so exports are reproducible.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatOf } from './convert-file.ts';

const SKIP_DIR = /^(\.|node_modules$)/;

export async function findSources(inputs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const input of inputs) {
    if ((await stat(input)).isDirectory()) found.push(...(await walk(input)));
    else found.push(input);
  }
  return found;
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIP_DIR.test(entry.name)) out.push(...(await walk(path)));
    else if (entry.isFile() && formatOf(path)) out.push(path);
  }
  return out;
}
