import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { errors } from '../errors/catalog.ts';
import { randomId } from '../ids/random-id.ts';
import type { LakeDocument } from '../store/document.ts';
import { type AssetLocation, fileAssetDocument, imageAssetDocument } from './asset-document.ts';
import { type AssetKind, originalPath } from './asset-paths.ts';
import { fileType } from './file-type.ts';
import { readImageFacts } from './image-metadata.ts';
import type { SpooledUpload } from './spool-upload.ts';

export type AssetInput = AssetLocation & {
  dataDir: string;
  kind: AssetKind;
  /** The bytes: in memory (an import), or an upload spooled to disk, which is moved into place or removed. */
  bytes: Buffer | SpooledUpload;
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
  const spooled = Buffer.isBuffer(input.bytes) ? undefined : input.bytes;
  try {
    return await store(input, spooled);
  } finally {
    // Moved into place, or not wanted (a duplicate, not an image): either way gone.
    if (spooled) await rm(spooled.path, { force: true });
  }
}

async function store(input: AssetInput, spooled: SpooledUpload | undefined): Promise<LakeDocument> {
  const bytes = input.bytes;
  const size = Buffer.isBuffer(bytes) ? bytes.length : bytes.size;
  if (size === 0) {
    throw errors.assetError('EmptyAsset', 'The uploaded asset is empty', 'Send the file bytes as the request body.');
  }
  const sha1 = Buffer.isBuffer(bytes) ? createHash('sha1').update(bytes).digest('hex') : bytes.sha1;
  const file = { sha1, size, originalFilename: input.filename ? basename(input.filename) : undefined };
  let document: LakeDocument;
  let name: string;
  if (input.kind === 'image') {
    const facts = await readImageFacts(Buffer.isBuffer(bytes) ? bytes : bytes.path);
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
    if (spooled) await rename(spooled.path, target);
    else {
      // Write then rename: a crash never leaves a half-written original under its final name.
      const temporary = `${target}.${randomId(8)}.tmp`;
      await writeFile(temporary, bytes as Buffer);
      await rename(temporary, target);
    }
  }
  return document;
}
