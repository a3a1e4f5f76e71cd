// node scripts/convert/cli.ts <input.md|.txt|folder>... --out <folder> [--strip-html]
//
// Converts Markdown and plain-text stories into a Sanity NDJSON export folder
// (data.ndjson + images/) for `sanity dataset import` or the embedded lake's
// importer. One bad file never stops the others: each failure is printed with
// its file, line and a hint, and the run exits 1 after a summary.
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { convertFile } from './convert-file.ts';
import { ConvertError } from './errors.ts';
import { writeExportFolder } from './export-folder.ts';
import { createExportSet } from './export-set.ts';
import { findSources } from './find-sources.ts';
import { danglingReferences } from './references.ts';
import { formatWarning } from './warnings.ts';

const USAGE = 'Usage: node scripts/convert/cli.ts <input.md|.txt|folder>... --out <folder> [--strip-html]';

function usage(problem: string): never {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  process.exit(2);
}

function parseCli() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, 'strip-html': { type: 'boolean' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
}

/** An --out that names a file would fail only after every file was converted, with an ENOTDIR stack. */
async function checkOutFolder(out: string): Promise<void> {
  const found = await stat(out).catch(() => undefined);
  if (found && !found.isDirectory()) usage(`--out ${out} is a file; give a folder (it is created if missing).`);
}

/**
 * How a failed file is reported. An error that is not a ConvertError is a bug
 * in the converter, but it still fails only its own file: the others are
 * converted and written.
 */
function failureText(error: unknown, shown: string): string {
  if (error instanceof ConvertError) return error.format();
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  return (
    `${shown} ${name}: ${message}\n` +
    '  Hint: This is a converter bug, not a mistake in the file; please report it with the file.'
  );
}

async function main(): Promise<number> {
  const { values, positionals } = parseCli();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) usage('Give at least one file or folder to convert.');
  if (!values.out) usage('Give the export folder with --out <folder>.');
  await checkOutFolder(values.out);
  const sources = await findSources(positionals).catch((e: Error) => usage(e.message));
  if (sources.length === 0) usage('No .md, .markdown or .txt files found.');

  const set = createExportSet();
  const failed: string[] = [];
  let warnings = 0;
  for (const [i, path] of sources.entries()) {
    const shown = relative(process.cwd(), path) || path;
    const progress = `[${i + 1}/${sources.length}] ${shown}`;
    try {
      const result = await convertFile({ path, displayPath: shown, html: values['strip-html'] ? 'strip' : 'reject' });
      await set.add(result.documents, result.imageFiles, shown);
      const quotes = result.documents.filter((d) => d._type === 'quote').length;
      process.stderr.write(
        `${progress} → ${result.story._id} (${result.story.body.length} blocks, ${quotes} quotes)\n`,
      );
      for (const w of result.warnings) process.stderr.write(`  ${formatWarning(w)}\n`);
      warnings += result.warnings.length;
    } catch (error) {
      failed.push(shown);
      process.stderr.write(`${progress} failed\n  ${failureText(error, shown).replace(/\n/g, '\n  ')}\n`);
    }
  }

  const documents = set.documents();
  for (const { from, to } of danglingReferences(documents)) {
    process.stderr.write(`warning: ${from} references ${to}, which is not in this export; import it first.\n`);
  }
  try {
    await writeExportFolder({ dir: values.out, documents, images: set.images() });
  } catch (error) {
    // A disk full, a permission or a file in the --out path: say so in one line.
    process.stderr.write(`Could not write the export into ${values.out}: ${(error as Error).message}\n`);
    return 1;
  }
  const converted = sources.length - failed.length;
  process.stderr.write(
    `Converted ${converted} of ${sources.length} files into ${values.out}/data.ndjson ` +
      `(${documents.length} documents, ${set.images().size} images, ${warnings} warnings).\n`,
  );
  if (failed.length === 0) return 0;
  process.stderr.write(`${failed.length} failed: ${failed.join(', ')}. Fix them and run again.\n`);
  return 1;
}

process.exitCode = await main();
