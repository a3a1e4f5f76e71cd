// node scripts/export.ts <out folder | out.tar.gz> [--dataset production] [--data-dir .lake] [--no-drafts]
//
// Writes a dataset in `sanity dataset export`'s format (data.ndjson, images/,
// files/, assets.json; a .tar.gz when the target ends in .tar.gz), which
// `node scripts/import.ts` and `sanity dataset import` read back. Safe while
// the lake runs: it reads a consistent snapshot of the SQLite file.
import { parseArgs } from 'node:util';
import { exportDataset, ImportError, LakeStore } from '../lake/index.ts';
import { commandLineOrExit, isFileSystemError } from './support/command-line.ts';
import { lakeExistsOrComplain } from './support/existing-lake.ts';

const USAGE =
  'Usage: node scripts/export.ts <out folder|out.tar.gz> [--dataset production] [--data-dir .lake] [--no-drafts]';

function main(): number {
  const parsed = commandLineOrExit(
    () =>
      parseArgs({
        options: {
          dataset: { type: 'string' },
          'data-dir': { type: 'string' },
          'no-drafts': { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
        allowPositionals: true,
      }),
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const out = parsed.positionals[0];
  if (!out || parsed.positionals.length > 1) {
    const problem = out ? `Give one output, not ${parsed.positionals.length}: ${parsed.positionals.join(' ')}` : '';
    process.stderr.write(`${problem || 'The output folder (or .tar.gz path) is required.'}\n${USAGE}\n`);
    return 2;
  }
  const dataset = parsed.values.dataset ?? process.env.SANITY_DATASET ?? 'production';
  const dataDir = parsed.values['data-dir'] ?? process.env.LAKE_DIR ?? '.lake';
  // Opening a store creates one: a mistyped --data-dir would leave an empty
  // lake behind and then report a missing dataset instead of the typo.
  if (!lakeExistsOrComplain(dataDir)) return 1;
  const store = new LakeStore(dataDir);
  try {
    const result = exportDataset(store, { dataset, dataDir, out, drafts: !parsed.values['no-drafts'] });
    process.stderr.write(
      `Exported ${result.documents} documents and ${result.assets} assets from "${dataset}" to ${out}.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      process.stderr.write(`Export failed (${error.name}): ${error.message}\n${error.hint}\n`);
      return 1;
    }
    if (isFileSystemError(error)) {
      process.stderr.write(
        `Export failed: could not write ${out}: ${error.message}.\nExport into a new folder, or a .tar.gz path, that you can write.\n`,
      );
      return 1;
    }
    throw error;
  } finally {
    store.close();
  }
}

process.exitCode = main();
