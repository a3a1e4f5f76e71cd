// Reads a build's output into the blob store: each file hashed, new contents
// stored once with their brotli and gzip forms, so the edge never compresses
// on a request. Compression runs on libuv's thread pool, beside the hashing.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { publicBuildFiles } from './build-files.ts';
import { COMPRESSIBLE, type ManifestFile } from './manifest.ts';
import type { Blob, ReleaseStore } from './release-store.ts';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Brotli's best quality costs ~9 ms a page: worth it for a publish, not for 10k pages at once. */
const SMALL_BATCH = 200;

export type CollectedBuild = {
  files: Map<string, ManifestFile>;
  /** Contents the store did not have, by hash: the pages validation must parse. */
  newBlobs: Map<string, Buffer>;
};

export async function collectBuild(buildDir: string, store: ReleaseStore): Promise<CollectedBuild> {
  const paths = [...(await publicBuildFiles(buildDir))];
  const quality = paths.length <= SMALL_BATCH ? 11 : 6;
  const files = new Map<string, ManifestFile>();
  const fresh = new Map<string, Blob>();
  const queue = [...paths];
  const worker = async () => {
    for (let next = queue.pop(); next; next = queue.pop()) {
      const [publicPath, path] = next;
      const bytes = await readFile(path);
      const hash = createHash('sha256').update(bytes).digest('hex');
      files.set(publicPath, { hash, size: bytes.length });
      if (fresh.has(hash) || store.hasBlob(hash)) continue;
      fresh.set(hash, { hash, bytes });
      if (COMPRESSIBLE.test(publicPath)) {
        const [br, gz] = await Promise.all([
          brotli(bytes, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
          gzip(bytes, { level: 9 }),
        ]);
        fresh.set(hash, { hash, bytes, br, gz });
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  store.putBlobs([...fresh.values()]);
  return {
    files: new Map([...files].sort(([a], [b]) => a.localeCompare(b))),
    newBlobs: new Map([...fresh].map(([hash, blob]) => [hash, blob.bytes])),
  };
}
