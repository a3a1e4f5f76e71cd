import {
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
import { dirname, join, resolve } from 'node:path';
import { ImportError } from './import-error.ts';
import { readTar } from './tar.ts';

export type ImportSource = {
  /** The NDJSON text. */
  ndjson: string;
  /** Directory `file://./...` asset URLs are relative to. */
  assetsBase: string;
  /** Files under images/ and files/ (imported even when no document refers to them, as upstream does). */
  assetFiles: { kind: 'image' | 'file'; path: string }[];
  /** assets.json: asset metadata written by `sanity dataset export` (originalFilename, ...). */
  assetMeta: Record<string, Record<string, unknown>>;
  /** Removes temporary files (an extracted archive). */
  cleanup(): void;
};

/** Reads a folder, an .ndjson file, or a .tar.gz export, as `sanity dataset import` accepts them. */
export function readSource(source: string): ImportSource {
  const path = resolve(source);
  if (!existsSync(path)) {
    throw new ImportError(
      'SourceNotFound',
      `Import source "${source}" does not exist`,
      'Pass a folder, an .ndjson file or a .tar.gz export.',
    );
  }
  if (statSync(path).isDirectory()) return readFolder(path, () => {});
  const bytes = readFileSync(path);
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const isTar = bytes.length > 262 && bytes.subarray(257, 262).toString() === 'ustar';
  if (isGzip || isTar) return readArchive(bytes, source);
  return {
    ndjson: bytes.toString('utf8'),
    assetsBase: dirname(path),
    assetFiles: [],
    assetMeta: {},
    cleanup: () => {},
  };
}

function readFolder(dir: string, cleanup: () => void): ImportSource {
  const dataFiles = readdirSync(dir).filter((name) => name.endsWith('.ndjson'));
  if (dataFiles.length === 0)
    throw new ImportError('NoDataFile', `No .ndjson file found in ${dir}`, 'An export folder holds data.ndjson.');
  if (dataFiles.length > 1) {
    throw new ImportError(
      'SeveralDataFiles',
      `More than one .ndjson file found in ${dir} - only one is supported`,
      'Keep one .ndjson file in the folder.',
    );
  }
  const assetFiles: ImportSource['assetFiles'] = [];
  for (const kind of ['image', 'file'] as const) {
    const sub = join(dir, `${kind}s`);
    if (!existsSync(sub)) continue;
    for (const name of readdirSync(sub).sort()) {
      if (statSync(join(sub, name)).isFile()) assetFiles.push({ kind, path: join(sub, name) });
    }
  }
  let assetMeta: ImportSource['assetMeta'] = {};
  const metaPath = join(dir, 'assets.json');
  if (existsSync(metaPath)) {
    try {
      assetMeta = JSON.parse(readFileSync(metaPath, 'utf8')) as ImportSource['assetMeta'];
    } catch {
      assetMeta = {};
    }
  }
  return {
    ndjson: readFileSync(join(dir, dataFiles[0] as string), 'utf8'),
    assetsBase: dir,
    assetFiles,
    assetMeta,
    cleanup,
  };
}

/** Extracts to a temporary folder and imports the folder holding the .ndjson (at most two levels down). */
function readArchive(bytes: Buffer, source: string): ImportSource {
  let entries: ReturnType<typeof readTar>;
  try {
    entries = readTar(bytes);
  } catch (error) {
    throw new ImportError(
      'InvalidArchive',
      `Cannot read archive "${source}": ${(error as Error).message}`,
      'Pass a .tar.gz made by `sanity dataset export`.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'lake-import-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  for (const entry of entries) {
    const target = resolve(dir, entry.path);
    if (!target.startsWith(`${dir}/`)) continue; // never write outside the temporary folder
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.data);
  }
  const ndjson = entries
    .map((entry) => entry.path.replace(/^\.\//, ''))
    .filter((path) => path.endsWith('.ndjson') && path.split('/').length <= 3)
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
  if (!ndjson) {
    cleanup();
    throw new ImportError('NoDataFile', 'ndjson-file not found in tarball', 'The archive must contain data.ndjson.');
  }
  try {
    return readFolder(dirname(join(dir, ndjson)), cleanup);
  } catch (error) {
    cleanup();
    throw error;
  }
}
