// One file on disk → its documents and the image files they use. Image paths
// are relative to the file, as Markdown editors preview them.
import { access, readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type { HtmlPolicy } from './context.ts';
import { type ConvertResult, convertSource, type SourceFormat } from './convert-source.ts';
import { decodeUtf8 } from './decode-utf8.ts';
import { convertError } from './errors.ts';

export const sourceFormats = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
} as const satisfies Record<string, SourceFormat>;

export function formatOf(path: string): SourceFormat | undefined {
  return (sourceFormats as Record<string, SourceFormat>)[extname(path).toLowerCase()];
}

export interface FileResult extends ConvertResult {
  /** Image name (as exported) → absolute path of the file. */
  imageFiles: Map<string, string>;
}

export interface ConvertFileOptions {
  path: string;
  /** How errors name the file (default: the path). */
  displayPath?: string;
  html?: HtmlPolicy;
}

export async function convertFile({ path, displayPath = path, html }: ConvertFileOptions): Promise<FileResult> {
  const format = formatOf(path);
  if (!format) throw convertError('UnsupportedInput', [extname(path) || path], { file: displayPath });
  const source = decodeUtf8(await readFile(path), displayPath);
  const result = convertSource({ source, format, file: displayPath, html });
  const imageFiles = new Map<string, string>();
  for (const image of result.images) {
    const absolute = resolve(dirname(path), image.src);
    const found = await access(absolute).then(
      () => true,
      () => false,
    );
    const at = { file: displayPath, line: image.line, column: image.column };
    if (!found) throw convertError('ImageNotFound', [image.src], at);
    const known = imageFiles.get(image.name);
    if (known && known !== absolute) throw convertError('ConflictingImage', [image.name], at);
    imageFiles.set(image.name, absolute);
  }
  return { ...result, imageFiles };
}
