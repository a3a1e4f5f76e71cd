// Writes a Sanity NDJSON export folder: data.ndjson (one document per line) and
// the image files under images/, which `_sanityAsset` values point into.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ExportDocument } from './export-shapes.ts';

export interface ExportFolderOptions {
  dir: string;
  documents: readonly ExportDocument[];
  /** Image file name (as in `_sanityAsset`) → the file to copy. */
  images: ReadonlyMap<string, string>;
}

export function toNdjson(documents: readonly ExportDocument[]): string {
  return documents.map((doc) => `${JSON.stringify(doc)}\n`).join('');
}

export async function writeExportFolder({ dir, documents, images }: ExportFolderOptions): Promise<void> {
  await mkdir(join(dir, 'images'), { recursive: true });
  await writeFile(join(dir, 'data.ndjson'), toNdjson(documents));
  for (const [name, source] of images) {
    const target = join(dir, 'images', name);
    if (resolve(source) !== resolve(target)) await copyFile(source, target);
  }
}
