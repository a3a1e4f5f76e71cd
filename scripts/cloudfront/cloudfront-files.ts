// `hosting-headers --target cloudfront`: what S3 + CloudFront needs beside the
// uploaded site, in <build>/_cloudfront/ (which the workflow does not upload):
// viewer-request.js, the CloudFront Function; and, when the redirects do not
// fit in it, kvs-redirects.json, the KeyValueStore's data for the workflow to
// load. Cache-Control is not here: S3 keeps it per object (the workflow's
// sync sets the edge's values), CloudFront passes it on, and the function
// sets it on the redirects it answers itself.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicBuildFiles } from '../deploy/build-files.ts';
import { kvsImportFile } from './kvs-store.ts';
import { byteLength, FUNCTION_CODE_MAX_BYTES } from './limits.ts';
import { siteRoutes } from './site-routes.ts';
import { viewerRequestFunction } from './viewer-request-function.ts';

export const CLOUDFRONT_DIR = '_cloudfront';
export const FUNCTION_FILE = 'viewer-request.js';
export const KVS_FILE = 'kvs-redirects.json';

/** What hosting-headers writes for the other hosts, which S3 must neither serve nor route by. */
const NOT_PUBLISHED = ['/_headers', '/_redirects'];

/** Writes the files for `redirects` (former address → current one); returns what to tell the operator. */
export async function writeCloudFrontFiles(dist: string, redirects: ReadonlyMap<string, string>): Promise<string[]> {
  const files = [...(await publicBuildFiles(dist)).keys()].filter(
    (path) => !NOT_PUBLISHED.includes(path) && !path.startsWith(`/${CLOUDFRONT_DIR}/`),
  );
  const fn = viewerRequestFunction(siteRoutes(files), redirects);
  const dir = join(dist, CLOUDFRONT_DIR);
  // A KeyValueStore file left from an earlier run would tell the workflow the function reads one.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  writeFileSync(join(dir, FUNCTION_FILE), fn.code);
  const said = [
    `Wrote ${join(dir, FUNCTION_FILE)}: ${byteLength(fn.code)} bytes of CloudFront's ${FUNCTION_CODE_MAX_BYTES}`,
  ];
  if (fn.redirectsIn === 'function') {
    said.push(`  with the ${redirects.size} redirect(s) from stories' former addresses in it`);
    return said;
  }
  writeFileSync(join(dir, KVS_FILE), kvsImportFile(redirects));
  said.push(
    `Wrote ${join(dir, KVS_FILE)}: ${redirects.size} redirect(s) from stories' former addresses, too many for the function, for its KeyValueStore`,
  );
  return said;
}
