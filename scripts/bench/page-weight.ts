// What a reader downloads for a story page: its HTML (the stylesheet is
// inlined) compressed as the edge sends it, brotli and gzip, and the bytes of
// JavaScript it loads. Images are not counted: they load lazily, sized to the
// screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type PageWeight = { path: string; rawBytes: number; brotliBytes: number; gzipBytes: number; jsBytes: number };

/** Scripts that run: inline ones and the files they name. JSON-LD is data, not counted. */
function javascriptBytes(html: string, siteDir: string): number {
  let bytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = m[1] ?? '';
    if (/type\s*=\s*"?application\/ld\+json/i.test(attributes)) continue;
    const src = /\bsrc\s*=\s*"([^"]+)"/i.exec(attributes)?.[1];
    bytes += src ? readFileSync(join(siteDir, src)).length : Buffer.byteLength(m[2] ?? '');
  }
  return bytes;
}

export function pageWeight(siteDir: string, path: string): PageWeight {
  const html = readFileSync(join(siteDir, `${path}.html`));
  return {
    path,
    rawBytes: html.length,
    brotliBytes: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    gzipBytes: gzipSync(html, { level: 9 }).length,
    jsBytes: javascriptBytes(html.toString('utf8'), siteDir),
  };
}
