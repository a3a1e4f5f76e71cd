// The documents and image files of one export, gathered file by file. Several
// stories may name the same section or person: identical documents merge, but
// two different documents under one id (two stories with one slug, say) are
// an error for the file that came second, which then adds nothing.
import { readFile } from 'node:fs/promises';
import { convertError } from './errors.ts';
import type { ExportDocument } from './export-shapes.ts';

export interface ExportSet {
  /** Adds a file's documents and images (name → path on disk) all together, or none of them. */
  add(documents: readonly ExportDocument[], images: ReadonlyMap<string, string>, file?: string): Promise<void>;
  documents(): ExportDocument[];
  images(): ReadonlyMap<string, string>;
}

export function createExportSet(): ExportSet {
  // Each document remembers the file that first produced it, to name it in a conflict.
  const docs = new Map<string, { doc: ExportDocument; json: string; file: string | undefined }>();
  const images = new Map<string, string>();
  return {
    async add(documents, fileImages, file) {
      const incoming = new Map(documents.map((doc) => [doc._id, { doc, json: JSON.stringify(doc), file }]));
      for (const [id, { json }] of incoming) {
        const known = docs.get(id);
        if (known && known.json !== json) {
          throw convertError('ConflictingDocument', [id, known.file ?? 'another input'], { file });
        }
      }
      for (const [name, path] of fileImages) {
        const known = images.get(name);
        if (known && known !== path && !(await sameBytes(known, path))) {
          throw convertError('ConflictingImage', [name], { file });
        }
      }
      for (const [id, entry] of incoming) if (!docs.has(id)) docs.set(id, entry);
      for (const [name, path] of fileImages) if (!images.has(name)) images.set(name, path);
    },
    documents: () => [...docs.values()].map((entry) => entry.doc),
    images: () => images,
  };
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([readFile(a), readFile(b)]);
  return x.equals(y);
}
