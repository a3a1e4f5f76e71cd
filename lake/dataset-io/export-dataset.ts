import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { originalPath } from '../assets/asset-paths.ts';
import { isDraftId, isVersionId } from '../ids/document-id.ts';
import type { LakeDocument } from '../store/document.ts';
import type { LakeStore } from '../store/lake-store.ts';
import { rewriteAssetRefs } from './export-asset-refs.ts';
import { ImportError } from './import-error.ts';
import { writeTarGz } from './tar.ts';

export type ExportOptions = {
  dataset: string;
  dataDir: string;
  /** A folder, or a path ending in .tar.gz/.tgz for an archive like `sanity dataset export` writes. */
  out: string;
  /** Include drafts and release versions (Sanity's default; `--no-drafts` turns it off). */
  drafts?: boolean;
};

export type ExportResult = { documents: number; assets: number; path: string };

// Asset document fields `sanity dataset export` leaves out of assets.json (they are derived on import).
const EXCLUDED_ASSET_FIELDS = new Set(['_id', '_type', 'assetId', 'extension', 'mimeType', 'path', 'uploadId', 'url']);

const isAsset = (doc: LakeDocument) => doc._type === 'sanity.imageAsset' || doc._type === 'sanity.fileAsset';

/**
 * Writes a dataset in Sanity's export format: data.ndjson without asset
 * documents, asset fields rewritten to `_sanityAsset: "image@file://./images/<sha1>.<ext>"`,
 * the originals in images/ and files/, their extra fields in assets.json.
 * Importing the result gives the same documents back.
 */
export function exportDataset(store: LakeStore, options: ExportOptions): ExportResult {
  const state = store.dataset(options.dataset);
  if (!state) {
    throw new ImportError(
      'DatasetNotFound',
      `Dataset "${options.dataset}" does not exist`,
      'Check --dataset; list datasets with GET /v1/datasets.',
    );
  }
  const archive = /\.(tar\.gz|tgz)$/.test(options.out);
  const folder = archive ? join(mkdtempSync(join(tmpdir(), 'lake-export-')), `${options.dataset}-export`) : options.out;
  if (!archive && existsSync(folder) && readdirSync(folder).length > 0) {
    throw new ImportError(
      'ExportTargetNotEmpty',
      `Export folder ${folder} is not empty`,
      'Export into a new or empty folder.',
    );
  }
  mkdirSync(folder, { recursive: true });
  const drafts = options.drafts ?? true;
  const all = state.sorted();
  const assetDocs = new Map(all.filter(isAsset).map((doc) => [doc._id, doc]));
  const used = new Set<string>();
  const lines: string[] = [];
  for (const doc of all) {
    if (isAsset(doc)) continue;
    if (doc._id.startsWith('_.') && !(drafts && doc._id.startsWith('_.releases.'))) continue;
    if (!drafts && (isDraftId(doc._id) || isVersionId(doc._id))) continue;
    lines.push(JSON.stringify(rewriteAssetRefs(doc, used)));
  }
  writeFileSync(join(folder, 'data.ndjson'), lines.length ? `${lines.join('\n')}\n` : '');
  const meta: Record<string, Record<string, unknown>> = {};
  for (const id of used) {
    const asset = assetDocs.get(id);
    const name = fileNameOf(id);
    if (!asset || !name) continue;
    const kind = asset._type === 'sanity.imageAsset' ? 'image' : 'file';
    const stored = typeof asset.path === 'string' ? basename(asset.path) : undefined;
    const source = stored ? originalPath(options.dataDir, options.dataset, kind, stored) : undefined;
    if (!source || !existsSync(source)) continue;
    mkdirSync(join(folder, `${kind}s`), { recursive: true });
    copyFileSync(source, join(folder, `${kind}s`, name));
    const extra = Object.fromEntries(Object.entries(asset).filter(([key]) => !EXCLUDED_ASSET_FIELDS.has(key)));
    meta[`${kind}-${String(asset.sha1hash)}`] = extra;
  }
  writeFileSync(join(folder, 'assets.json'), JSON.stringify(meta));
  if (archive) {
    const root = dirname(folder);
    try {
      mkdirSync(dirname(options.out), { recursive: true });
      writeFileSync(
        options.out,
        writeTarGz(listFiles(folder).map((file) => ({ path: relative(root, file), data: readFileSync(file) }))),
      );
    } finally {
      // Written or not, the folder staged in the temp directory goes.
      rmSync(root, { recursive: true, force: true });
    }
  }
  return { documents: lines.length, assets: used.size, path: options.out };
}

/** `image-<sha1>-<w>x<h>-<ext>` → `<sha1>.<ext>`; `file-<sha1>-<ext>` → `<sha1>.<ext>` (Sanity's names). */
export function fileNameOf(assetId: string): string | undefined {
  const match = /^(?:image|file)-([a-f0-9]{40})(?:-\d+x\d+)?-([a-z0-9]+)$/.exec(assetId);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}
