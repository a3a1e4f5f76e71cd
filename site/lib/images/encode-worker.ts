// The image encoder's thread. A build's main thread renders bodies and pages
// in long synchronous stretches; an encoder driven from it advanced only in
// the gaps (46 of 144 variants encoded by the end of a 10k-story load, the
// rest fighting the page renderer for the CPU). Here fetching and encoding
// run on their own event loop, on the core the renderer leaves, and the main
// thread only posts jobs (see variantCache in encode-variants.ts).
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { ImageVariant } from './variant.ts';
import { cachedOriginal, encodeVariant, ensureCacheDirs, fileExists } from './variant-encoding.ts';

export type EncoderJob =
  | { kind: 'original'; assetId: string; url: string }
  | { kind: 'variant'; name: string; variant: ImageVariant; url: string };

/** The cached file, and whether this job fetched its original or encoded it. */
export type EncoderDone = { path: string; fetched: boolean; encoded: boolean };

/** What crosses the thread: each job and its reply carry the job's number. */
export type EncoderMessage = EncoderJob & { id: number };
export type EncoderReply = { id: number } & (
  | ({ ok: true } & EncoderDone)
  | { ok: false; name: string; message: string }
);

const { cacheDir } = workerData as { cacheDir: string };
const port = parentPort;
if (!port) throw new Error('encode-worker.ts runs as a worker thread (see encode-variants.ts).');
const ready = ensureCacheDirs(cacheDir);
const originals = new Map<string, Promise<string>>();
// Variants one at a time: the point is one core's worth of encoding beside
// the renderer, not two encodes taking the renderer's core as well.
let variants: Promise<unknown> = Promise.resolve();

/** The original's path; `fetched` only for the job that caused the fetch, so each is counted once. */
function original(assetId: string, url: string): Promise<{ path: string; fetched: boolean }> {
  const known = originals.get(assetId);
  if (known) return known.then((path) => ({ path, fetched: false }));
  const pending = ready.then(() => cachedOriginal(assetId, url, cacheDir));
  const path = pending.then((r) => r.path);
  // A failed fetch is tried again by whoever asks next (the host may be back).
  path.catch(() => originals.delete(assetId));
  originals.set(assetId, path);
  return pending;
}

async function run(job: EncoderJob): Promise<EncoderDone> {
  if (job.kind === 'original') return { ...(await original(job.assetId, job.url)), encoded: false };
  await ready;
  const path = join(cacheDir, 'variants', job.name);
  if (await fileExists(path)) return { path, fetched: false, encoded: false };
  const source = await original(job.variant.assetId, job.url);
  await encodeVariant(source.path, job.variant, path);
  return { path, fetched: source.fetched, encoded: true };
}

port.on('message', (job: EncoderMessage) => {
  let work: Promise<EncoderDone>;
  if (job.kind === 'variant') {
    work = variants.then(() => run(job));
    variants = work.catch(() => undefined);
  } else work = run(job);
  work.then(
    (done) => port.postMessage({ id: job.id, ok: true, ...done } satisfies EncoderReply),
    (error: Error) =>
      port.postMessage({ id: job.id, ok: false, name: error.name, message: error.message } satisfies EncoderReply),
  );
});
