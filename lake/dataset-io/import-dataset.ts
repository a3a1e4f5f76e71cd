import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { storeAssetFile } from '../assets/store-asset-file.ts';
import type { LakeDocument } from '../store/document.ts';
import type { LakeStore } from '../store/lake-store.ts';
import { type AssetRef, findAssetRefs, resolveAssetRef } from './asset-refs.ts';
import { commitImport } from './commit-import.ts';
import { editedDrafts, type KeptDraft } from './edited-drafts.ts';
import { ImportError } from './import-error.ts';
import { type WeakenedReference, weakenMissingTargets } from './missing-targets.ts';
import { parseNdjson } from './parse-ndjson.ts';
import { prepareDocuments } from './prepare-documents.ts';
import { readSource } from './read-source.ts';

export type ImportMode = 'create' | 'createOrReplace' | 'createIfNotExists';

export type ImportProgress = { step: string; current?: number; total?: number };

export type ImportOptions = {
  dataset: string;
  /** `create` fails when an id exists; `createOrReplace` (--replace); `createIfNotExists` (--missing). */
  mode: ImportMode;
  /**
   * With `createOrReplace`: replace drafts that editors have changed too
   * (--replace-drafts). Without it those are kept and listed in `keptDrafts`
   * (edited-drafts.ts).
   */
  replaceEditedDrafts: boolean;
  dataDir: string;
  projectId: string;
  /** Base URL for asset documents' `url` (a running lake rewrites it to its own on start). */
  publicUrl: string;
  allowSystemDocuments: boolean;
  skipCrossDatasetReferences: boolean;
  allowReplacementCharacters: boolean;
  /** Recorded as the transaction's author. */
  identity: string;
  onProgress: (progress: ImportProgress) => void;
};

export type ImportResult = {
  /** Documents written (created or replaced), asset documents excluded. */
  numDocs: number;
  /** Asset documents created (new files); reused assets are not counted. */
  numAssets: number;
  /** The transactions the import was, in order (bounded batches, committed together; see commit-import.ts); none when there was nothing to write. */
  transactionIds: string[];
  /** Drafts of the file an editor has changed in the dataset, kept as they were (without replaceEditedDrafts). */
  keptDrafts: KeptDraft[];
  /** Strong references to documents neither the file nor the dataset has, written weak (missing-targets.ts). */
  weakenedReferences: WeakenedReference[];
};

// Fields of assets.json entries that the new asset document must not take over.
const NON_RESTORABLE = new Set([
  '_createdAt',
  '_id',
  '_rev',
  '_type',
  '_updatedAt',
  'sha1hash',
  'size',
  'uploadId',
  'assetId',
  'extension',
  'mimeType',
  'path',
  'url',
]);

/**
 * Imports a `sanity dataset export` (folder, .ndjson, .tar.gz) into a
 * dataset: validated and transformed as @sanity/import does, assets stored,
 * and written as @sanity/import's bounded batches of transactions, all in one
 * SQLite transaction (all documents or none; commit-import.ts).
 */
export async function importDataset(
  store: LakeStore,
  source: string,
  options: Partial<ImportOptions> & Pick<ImportOptions, 'dataset' | 'dataDir' | 'projectId'>,
): Promise<ImportResult> {
  const config: ImportOptions = {
    mode: 'create',
    replaceEditedDrafts: false,
    publicUrl: 'http://127.0.0.1',
    allowSystemDocuments: false,
    skipCrossDatasetReferences: false,
    allowReplacementCharacters: false,
    identity: 'import',
    onProgress: () => {},
    ...options,
  };
  const input = readSource(source);
  try {
    config.onProgress({ step: 'Reading/validating data file' });
    const parsed = parseNdjson(input.ndjson, { allowReplacementCharacters: config.allowReplacementCharacters });
    const docs = prepareDocuments(parsed, {
      projectId: config.projectId,
      existingDatasets: store.listDatasets().map((d) => d.name),
      allowSystemDocuments: config.allowSystemDocuments,
      skipCrossDatasetReferences: config.skipCrossDatasetReferences,
    });
    const refs = findAssetRefs(docs, input.assetsBase);
    const state = store.dataset(config.dataset);
    const existing = docs.filter(({ doc }) => state?.get(doc._id));
    if (config.mode === 'create' && existing.length > 0) {
      const ids = existing.map(({ doc, line }) => `"${doc._id}" (line ${line})`);
      throw new ImportError(
        'DocumentsExist',
        `${existing.length} document(s) already exist in dataset "${config.dataset}": ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}`,
        'Use --replace to overwrite them or --missing to keep them and import the rest.',
      );
    }
    const keptDrafts =
      config.mode === 'createOrReplace' && !config.replaceEditedDrafts
        ? editedDrafts(store, existing, (id) => state?.get(id))
        : [];
    const skipped = new Set(
      config.mode === 'createIfNotExists' ? existing.map(({ doc }) => doc._id) : keptDrafts.map((draft) => draft.id),
    );
    const written = docs.filter(({ doc }) => !skipped.has(doc._id));
    const weakenedReferences = weakenMissingTargets(written, (id) => state?.get(id) !== undefined);
    const assets = await importAssets(
      refs.filter((ref) => !skipped.has(ref.documentId)),
      input,
      config,
    );
    config.onProgress({ step: 'Importing documents', current: 0, total: written.length });
    const { transactionIds, numAssets } = commitImport(store, {
      dataset: config.dataset,
      mode: config.mode,
      identity: config.identity,
      docs: written,
      assets,
    });
    config.onProgress({ step: 'Importing documents', current: written.length, total: written.length });
    return { numDocs: written.length, numAssets, transactionIds, keptDrafts, weakenedReferences };
  } finally {
    input.cleanup();
  }
}

/** Stores every referenced (and every unreferenced exported) file; points references at the asset documents. */
async function importAssets(
  refs: AssetRef[],
  input: ReturnType<typeof readSource>,
  config: ImportOptions,
): Promise<LakeDocument[]> {
  const files = new Map<string, 'image' | 'file'>();
  const firstUser = new Map<string, AssetRef>();
  for (const ref of refs) {
    files.set(`${ref.kind}#${ref.file}`, ref.kind);
    if (!firstUser.has(`${ref.kind}#${ref.file}`)) firstUser.set(`${ref.kind}#${ref.file}`, ref);
  }
  for (const file of input.assetFiles)
    if (!files.has(`${file.kind}#${file.path}`)) files.set(`${file.kind}#${file.path}`, file.kind);
  const byKey = new Map<string, LakeDocument>();
  let done = 0;
  for (const [key, kind] of files) {
    const path = key.slice(kind.length + 1);
    const user = firstUser.get(key);
    if (!existsSync(path)) {
      throw new ImportError(
        'AssetFileMissing',
        `Asset file ${path} not found${user ? ` (document "${user.documentId}", line ${user.line})` : ''}`,
        'Put the file in the export folder, or fix the _sanityAsset path.',
      );
    }
    const document = await storeAssetFile({
      dataDir: config.dataDir,
      kind,
      bytes: readFileSync(path),
      filename: basename(path),
      projectId: config.projectId,
      dataset: config.dataset,
      publicUrl: config.publicUrl,
    }).catch((error: Error) => {
      // Nothing is written yet: the import stops naming the file and who uses it.
      throw new ImportError(
        'InvalidAsset',
        `Asset file ${path}${user ? ` (document "${user.documentId}", line ${user.line})` : ''}: ${error.message}`,
        'Replace the file with a readable one, or fix the _sanityAsset path.',
      );
    });
    const meta = input.assetMeta[`${kind}-${document.sha1hash as string}`] ?? {};
    for (const [field, value] of Object.entries(meta)) if (!NON_RESTORABLE.has(field)) document[field] = value;
    byKey.set(key, document);
    config.onProgress({ step: 'Importing assets (files/images)', current: ++done, total: files.size });
  }
  for (const ref of refs) resolveAssetRef(ref, (byKey.get(`${ref.kind}#${ref.file}`) as LakeDocument)._id);
  return [...new Map([...byKey.values()].map((doc) => [doc._id, doc])).values()];
}
