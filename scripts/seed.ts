// node scripts/seed.ts [--write]
//
// Builds the seed dataset (content/data.ndjson, Sanity's NDJSON export format)
// from content/source/: site-settings.yaml and every *.md story, converted with
// scripts/convert. data.ndjson is a committed golden file: without --write this
// only checks it is up to date (exit 1 if not); with --write it is rewritten,
// and any missing placeholder photo under content/images/ is drawn first.
import { access, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { convertFile } from './convert/convert-file.ts';
import { ConvertError } from './convert/errors.ts';
import { toNdjson } from './convert/export-folder.ts';
import { createExportSet } from './convert/export-set.ts';
import { siteSettingsFromYaml } from './convert/site-settings.ts';
import { type PlaceholderOptions, placeholderJpeg } from './generate/placeholder-image.ts';
import { commandLineOrExit } from './support/command-line.ts';

const ROOT = join(import.meta.dirname, '..');
export const CONTENT_DIR = join(ROOT, 'content');
const SOURCE_DIR = join(CONTENT_DIR, 'source');
export const SEED_DATA = join(CONTENT_DIR, 'data.ndjson');

/** Stand-ins for the seed's photos (the originals are agency photos we may not copy). */
const PLACEHOLDERS: Record<string, PlaceholderOptions> = {
  'mehmanparast.jpg': { width: 1200, height: 800, hue: 205, variant: 2 },
};

const shown = (path: string) => relative(ROOT, path);

/** The seed dataset as NDJSON: site settings, then each story with its quotes, section and people. */
export async function buildSeed(): Promise<string> {
  const settingsFile = join(SOURCE_DIR, 'site-settings.yaml');
  const settings = siteSettingsFromYaml(await readFile(settingsFile, 'utf8'), shown(settingsFile));
  const set = createExportSet();
  const stories = (await readdir(SOURCE_DIR)).filter((name) => name.endsWith('.md')).sort();
  for (const name of stories) {
    const path = join(SOURCE_DIR, name);
    const result = await convertFile({ path, displayPath: shown(path) });
    // The seed must convert without degradation: a warning is a mistake in the source.
    const [warning] = result.warnings;
    if (warning) throw new Error(`${shown(path)}:${warning.line}: ${warning.message}`);
    for (const [image, file] of result.imageFiles) {
      if (file !== join(CONTENT_DIR, 'images', image)) throw new Error(`${shown(file)} must be in content/images/`);
    }
    await set.add(result.documents, result.imageFiles, shown(path));
  }
  return toNdjson([settings, ...set.documents()]);
}

async function drawMissingPlaceholders(): Promise<void> {
  for (const [name, options] of Object.entries(PLACEHOLDERS)) {
    const path = join(CONTENT_DIR, 'images', name);
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await writeFile(path, await placeholderJpeg(options));
      process.stderr.write(`drew ${shown(path)}\n`);
    }
  }
}

async function main(write: boolean): Promise<number> {
  if (write) await drawMissingPlaceholders();
  const fresh = await buildSeed();
  const current = await readFile(SEED_DATA, 'utf8').catch(() => '');
  const count = fresh.split('\n').filter(Boolean).length;
  if (current === fresh) {
    process.stderr.write(`${shown(SEED_DATA)} is up to date (${count} documents).\n`);
    return 0;
  }
  if (!write) {
    process.stderr.write(
      `${shown(SEED_DATA)} differs from a fresh conversion of content/source/.\n` +
        'Run node scripts/seed.ts --write, review the diff and commit both.\n',
    );
    return 1;
  }
  await writeFile(SEED_DATA, fresh);
  process.stderr.write(`wrote ${shown(SEED_DATA)} (${count} documents).\n`);
  return 0;
}

const USAGE = `Usage: node scripts/seed.ts [--write]
  Checks that content/data.ndjson is a fresh conversion of content/source/ (exit 1 if not);
  --write rewrites it instead.`;

async function run(): Promise<number> {
  const parsed = commandLineOrExit(
    () => parseArgs({ options: { write: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }),
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  return main(parsed.values.write ?? false).catch((error: unknown) => {
    const text = error instanceof ConvertError ? error.format() : String(error);
    process.stderr.write(`${text}\nThe seed was not written. (Missing placeholder photos are drawn by --write.)\n`);
    return 1;
  });
}

if (import.meta.main) process.exitCode = await run();
