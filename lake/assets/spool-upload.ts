// An upload written to disk as it arrives, hashed on the way. Held whole in
// memory, each upload cost its size twice over (the pieces, then one buffer
// of them): eight 90 MB uploads at once took the lake from 0.45 GB to 1.7 GB,
// and more at once would take the machine's memory. On disk it costs a piece.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomId } from '../ids/random-id.ts';

/** The uploaded bytes in a file of their own, with their SHA-1 and size. */
export type SpooledUpload = { path: string; sha1: string; size: number };

/**
 * Writes `chunks` to a new `.tmp` file in `dir` (the folder of the originals,
 * so the file is renamed into place, never copied). Nothing is left behind
 * when the body fails (too large, the client gone): the error goes on.
 */
export async function spoolUpload(chunks: AsyncIterable<Buffer>, dir: string): Promise<SpooledUpload> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `upload-${randomId(12)}.tmp`);
  const hash = createHash('sha1');
  let size = 0;
  try {
    await pipeline(async function* () {
      for await (const chunk of chunks) {
        hash.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    }, createWriteStream(path));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { path, sha1: hash.digest('hex'), size };
}
