import { extname } from 'node:path';

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  html: 'text/html',
  md: 'text/markdown',
  zip: 'application/zip',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  webm: 'video/webm',
  svg: 'image/svg+xml',
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A file asset's extension and MIME type, from its name, else its declared content type. */
export function fileType(filename: string | undefined, contentType: string | undefined) {
  const fromName = filename ? extname(filename).slice(1).toLowerCase() : '';
  const declared = contentType?.split(';')[0]?.trim().toLowerCase();
  const fromType = declared ? Object.entries(MIME_BY_EXTENSION).find(([, mime]) => mime === declared)?.[0] : undefined;
  const extension = /^[a-z0-9]{1,10}$/.test(fromName) ? fromName : (fromType ?? 'bin');
  const mimeType =
    declared && declared !== 'application/octet-stream'
      ? declared
      : (MIME_BY_EXTENSION[extension] ?? 'application/octet-stream');
  return { extension, mimeType };
}

/** Content type to serve a stored original with. */
export function contentTypeOf(extension: string): string {
  return (
    MIME_BY_EXTENSION[extension] ??
    (extension === 'avif' ? 'image/avif' : extension === 'tiff' ? 'image/tiff' : 'application/octet-stream')
  );
}
