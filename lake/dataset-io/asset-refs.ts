import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportError } from './import-error.ts';
import { objectsWithKey, type PathSegment, serializePath } from './object-paths.ts';
import type { PreparedDocument } from './prepare-documents.ts';

const ASSET_MATCHER = /^(file|image)@([a-z]+:\/\/.*)/;

export type AssetRef = {
  documentId: string;
  line: number;
  /** The object holding `_sanityAsset`, inside the prepared document. */
  holder: Record<string, unknown>;
  path: PathSegment[];
  kind: 'image' | 'file';
  /** Absolute path of the local file. */
  file: string;
};

/**
 * Finds `_sanityAsset: "image@file://./images/x.jpg"` placeholders. The type
 * prefix is checked on every document first (with upstream's message), then
 * the location: only local files; the lake has no network.
 */
export function findAssetRefs(docs: PreparedDocument[], assetsBase: string): AssetRef[] {
  const found = docs.flatMap(({ line, doc }) =>
    objectsWithKey(doc, '_sanityAsset').map(({ path, object }) => ({ line, doc, path, object })),
  );
  for (const { doc, path, object } of found) {
    if (typeof object._sanityAsset !== 'string' || !ASSET_MATCHER.test(object._sanityAsset)) {
      throw new ImportError(
        'AssetTypeMissing',
        [
          'Asset type is not specified.',
          '`_sanityAsset` values must be prefixed with a type, eg image@url or file@url.',
          `See document with ID "${doc._id}", path: ${serializePath([...path, '_sanityAsset'])}`,
        ].join('\n'),
        'Write the value as image@file://./images/<name> or file@file://./files/<name>.',
      );
    }
  }
  return found.map(({ line, doc, path, object }) => {
    const [, kind, url] = ASSET_MATCHER.exec(object._sanityAsset as string) as unknown as [
      string,
      'image' | 'file',
      string,
    ];
    return {
      documentId: doc._id,
      line,
      holder: object,
      path,
      kind,
      file: localFile(url, assetsBase, doc._id, line, path),
    };
  });
}

function localFile(url: string, assetsBase: string, id: string, line: number, path: PathSegment[]): string {
  const where = `document "${id}" (line ${line}), path ${serializePath([...path, '_sanityAsset'])}`;
  if (!url.startsWith('file://')) {
    throw new ImportError(
      'RemoteAssetUnsupported',
      `Remote asset ${url} in ${where}: the lake imports local files only (it has no network access)`,
      "Download the file into the export folder's images/ or files/ and refer to it as image@file://./images/<name>.",
    );
  }
  if (url.startsWith('file://./')) return resolve(assetsBase, decodeURIComponent(url.slice('file://./'.length)));
  try {
    const file = fileURLToPath(url);
    return isAbsolute(file) ? file : resolve(assetsBase, file);
  } catch {
    // file://img.gif (a host, not a path): read it relative to the export folder.
    return resolve(assetsBase, decodeURIComponent(url.slice('file://'.length)));
  }
}

/**
 * Replaces the placeholder with a reference to the imported asset, as
 * upstream's patches do: `setIfMissing({[path]: {_type}})` then
 * `set({[path].asset: ref})`. A holder that had only `_sanityAsset` becomes
 * `{_type: "image", asset}`; others keep their fields and gain `asset`.
 */
export function resolveAssetRef(ref: AssetRef, assetId: string): void {
  const holder = ref.holder;
  delete holder._sanityAsset;
  if (Object.keys(holder).length === 0) holder._type = ref.kind;
  holder.asset = { _ref: assetId, _type: 'reference' };
}
