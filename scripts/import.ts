// node scripts/import.ts <folder|file.ndjson|export.tar.gz> [--dataset production]
//   [--replace [--replace-drafts] | --missing] [--data-dir .lake] [--project-id local]
//   [--allow-system-documents] [--skip-cross-dataset-references] [--allow-replacement-characters]
//
// Imports a `sanity dataset export` into the embedded lake's data directory,
// in-process, in @sanity/import's bounded transactions committed together (all
// documents or none). Run it while the lake is stopped: a running lake keeps
// its documents in memory. --replace keeps the drafts editors have changed
// (lake/dataset-io/edited-drafts.ts) and names them; --replace-drafts
// replaces those too.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  DATABASE_FILE,
  ImportError,
  importDataset,
  isStorageFull,
  type KeptDraft,
  LakeStore,
  runningLake,
  type WeakenedReference,
} from '../lake/index.ts';
import { commandLineOrExit } from './support/command-line.ts';

const USAGE =
  'Usage: node scripts/import.ts <folder|file.ndjson|file.tar.gz> [--dataset production] [--replace [--replace-drafts]|--missing] [--data-dir .lake]';

const argsSchema = z.object({
  source: z.string({ error: 'the source (folder, .ndjson or .tar.gz) is required' }),
  dataset: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lowercase letters, digits, "_" and "-"'),
  dataDir: z.string().min(1),
  projectId: z.string().regex(/^[a-z0-9-]+$/),
});

const options = {
  dataset: { type: 'string' },
  'data-dir': { type: 'string' },
  'project-id': { type: 'string' },
  replace: { type: 'boolean' },
  'replace-drafts': { type: 'boolean' },
  missing: { type: 'boolean' },
  'allow-system-documents': { type: 'boolean' },
  'skip-cross-dataset-references': { type: 'boolean' },
  'allow-replacement-characters': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function main(): Promise<number> {
  const parsed = commandLineOrExit(() => parseArgs({ options, allowPositionals: true }), USAGE);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const args = argsSchema.safeParse({
    source: positionals[0],
    dataset: values.dataset ?? process.env.SANITY_DATASET ?? 'production',
    dataDir: values['data-dir'] ?? process.env.LAKE_DIR ?? '.lake',
    projectId: values['project-id'] ?? process.env.LAKE_PROJECT_ID ?? 'local',
  });
  const draftsWithoutReplace = values['replace-drafts'] && !values.replace;
  if (!args.success || (values.replace && values.missing) || draftsWithoutReplace || positionals.length > 1) {
    const issue = !args.success
      ? args.error.issues[0]
      : positionals.length > 1
        ? { path: ['source'], message: `give one, not ${positionals.length}: ${positionals.join(' ')}` }
        : draftsWithoutReplace
          ? { path: ['--replace-drafts'], message: 'goes with --replace (drafts are only replaced when documents are)' }
          : { path: ['--replace'], message: 'choose --replace or --missing, not both' };
    process.stderr.write(`${issue?.path.join('.')}: ${issue?.message}\n${USAGE}\n`);
    return 2;
  }
  const { source, dataset, dataDir, projectId } = args.data;
  const live = runningLake(dataDir);
  if (live) {
    process.stderr.write(
      `A lake (pid ${live.pid}) is serving ${dataDir} at ${live.url}; stop it first, then import (it keeps documents in memory).\n`,
    );
    return 1;
  }
  const started = performance.now();
  let lastStep = '';
  let lastReport = 0;
  const newDir = !existsSync(dataDir);
  const newLake = !existsSync(join(dataDir, DATABASE_FILE));
  let imported = false;
  let store: LakeStore;
  try {
    store = new LakeStore(dataDir);
  } catch (error) {
    // A data directory it may not write, or a damaged database: the lake names it and says what to do.
    const e = error as Error & { hint?: string };
    if (!e.hint) throw error;
    process.stderr.write(`Import failed (${e.name}): ${e.message}\nNothing was imported. ${e.hint}\n`);
    return 1;
  }
  try {
    const result = await importDataset(store, source, {
      dataset,
      dataDir,
      projectId,
      mode: values.replace ? 'createOrReplace' : values.missing ? 'createIfNotExists' : 'create',
      replaceEditedDrafts: values['replace-drafts'] ?? false,
      allowSystemDocuments: values['allow-system-documents'] ?? false,
      skipCrossDatasetReferences: values['skip-cross-dataset-references'] ?? false,
      allowReplacementCharacters: values['allow-replacement-characters'] ?? false,
      identity: 'import',
      onProgress: ({ step, current, total }) => {
        const now = performance.now();
        if (step === lastStep && now - lastReport < 1000 && current !== total) return;
        lastStep = step;
        lastReport = now;
        process.stderr.write(`  ${step}${total !== undefined ? ` ${current ?? 0}/${total}` : ''}\n`);
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `Imported ${result.numDocs} documents and ${result.numAssets} new assets into "${dataset}" (${dataDir}) in ${seconds}s.\n`,
    );
    if (result.keptDrafts.length > 0) process.stderr.write(keptDraftsReport(result.keptDrafts));
    if (result.weakenedReferences.length > 0) process.stderr.write(weakenedReport(result.weakenedReferences));
    imported = true;
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      process.stderr.write(`Import failed (${error.name}): ${error.message}\nNothing was imported. ${error.hint}\n`);
      return 1;
    }
    if (isStorageFull(error)) {
      const why = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `Import failed (StorageFull): the disk that holds ${dataDir} is full (${why}).\n` +
          'Nothing was imported. Free space on it, then run the import again.\n',
      );
      return 1;
    }
    throw error;
  } finally {
    store.close();
    if (!imported && newLake) forgetNewLake(dataDir, newDir);
  }
}

/** The drafts --replace left to the editors working on them, and how to replace them anyway. */
function keptDraftsReport(kept: KeptDraft[]): string {
  const lines = kept.map(
    (draft) => `  ${draft.id} (line ${draft.line}): last changed by ${draft.editedBy} at ${draft.editedAt}\n`,
  );
  return (
    `Kept ${kept.length} draft(s) that editors have changed, instead of the file's version: their unpublished work stays theirs.\n` +
    `${lines.join('')}To replace them as well, run the import again with --replace --replace-drafts.\n`
  );
}

/** The references written weak because what they point at is missing (the first 20), and what to do. */
function weakenedReport(weakened: WeakenedReference[]): string {
  const lines = weakened
    .slice(0, 20)
    .map((ref) => `  ${ref.documentId} (line ${ref.line}) ${ref.path} -> ${ref.target}\n`);
  const more = weakened.length > 20 ? `  … and ${weakened.length - 20} more\n` : '';
  return (
    `Wrote ${weakened.length} reference(s) weak: the documents they point at are in neither the file nor the dataset, ` +
    'and a strong reference to a missing document would refuse every edit of the document holding it.\n' +
    `${lines.join('')}${more}Import the missing documents, then pick them again in the Studio.\n`
  );
}

/**
 * Removes the lake a failed import created: "nothing was imported" must leave
 * nothing, or the empty lake stops `npm start` and `npm run build` seeding
 * that directory (a mistyped source once left one).
 */
function forgetNewLake(dataDir: string, newDir: boolean): void {
  if (newDir) rmSync(dataDir, { recursive: true, force: true });
  else for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `${DATABASE_FILE}${suffix}`), { force: true });
}

process.exitCode = await main();
