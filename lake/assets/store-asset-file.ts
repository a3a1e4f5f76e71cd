import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { errors } from '../errors/catalog.ts';
import { randomId } from '../ids/random-id.ts';
import type { LakeDocument } from '../store/document.ts';
import { type AssetLocation, fileAssetDocument, imageAssetDocument } from './asset-document.ts';
import { type AssetKind, originalPath } from './asset-paths.ts';
import { fileType } from './file-type.ts';
import { readImageFacts } from './image-metadata.ts';

export type AssetInput = AssetLocation & {
  dataDir: string;
  kind: AssetKind;
  bytes: Buffer;
  filename?: string | undefined;
  contentType?: string | undefined;
};

/**
 * Writes an uploaded original under the data dir (once per content: the name
 * is its SHA-1) and returns its asset document, not yet committed. Callers
 * commit it (an upload alone, an import with its batch), and reuse an
 * existing document with the same id: same bytes, same asset.
 */
export async function storeAssetFile(input: AssetInput): Promise<LakeDocument> {
  if (input.bytes.length === 0) {
    throw errors.assetError('EmptyAsset', 'The uploaded asset is empty', 'Send the file bytes as the request body.');
  }
  const sha1 = createHash('sha1').update(input.bytes).digest('hex');
  const file = {
    sha1,
    size: input.bytes.length,
    originalFilename: input.filename ? basename(input.filename) : undefined,
  };
  let document: LakeDocument;
  let name: string;
  if (input.kind === 'image') {
    const facts = await readImageFacts(input.bytes);
    if (!facts) {
      throw errors.assetError(
        'InvalidImage',
        `Invalid image${file.originalFilename ? ` "${file.originalFilename}"` : ''}: could not read its format and dimensions`,
        'Upload a JPEG, PNG, WebP, GIF, AVIF, TIFF or SVG image, or use /assets/files for other files.',
      );
    }
    document = imageAssetDocument(file, facts, input);
    name = `${sha1}-${facts.width}x${facts.height}.${facts.extension}`;
  } else {
    const type = fileType(input.filename, input.contentType);
    document = fileAssetDocument(file, type, input);
    name = `${sha1}.${type.extension}`;
  }
  const target = originalPath(input.dataDir, input.dataset, input.kind, name);
  if (!existsSync(target)) {
    await mkdir(dirname(target), { recursive: true });
    // Write then rename: a crash never leaves a half-written original under its final name.
    const temporary = `${target}.${randomId(8)}.tmp`;
    await writeFile(temporary, input.bytes);
    await rename(temporary, target);
  }
  return document;
}
