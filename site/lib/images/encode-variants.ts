// Writes every variant the pages link to into the build. Originals are
// fetched from the content host once and kept; each variant is encoded once
// and kept; so a rebuild with unchanged images neither fetches nor encodes.
import { copyFile, link, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isErrorName, NewsroomError } from '../errors.ts';
import type { EncoderDone, EncoderJob, EncoderMessage, EncoderReply } from './encode-worker.ts';
import { originalUrl } from './image-host.ts';
import type { ImageVariant } from './variant.ts';
import { fileExists } from './variant-encoding.ts';
import { IMAGE_DIR } from './variant-registry.ts';

export type EncodeOptions = {
  variants: ReadonlyMap<string, ImageVariant>;
  /** The build's output directory; files go to <outDir>/_img/. */
  outDir: string;
  /** The variant cache the files come from (see variantCache). */
  cache: VariantCache;
  /** Variants encoded at once; each encode already uses libvips threads. */
  concurrency?: number;
};

export type EncodeReport = { total: number; encoded: number; fetched: number };

/**
 * The cache under `cacheDir` (originals/ and variants/): `ensure` fetches and
 * encodes a variant unless it is there already, once however often asked.
 */
export type VariantCache = {
  ensure(name: string, variant: ImageVariant): Promise<string>;
  /** The original of an image asset, fetched into the cache once. */
  original(assetId: string): Promise<string>;
  /** Originals fetched and variants encoded so far. */
  counts: { fetched: number; encoded: number };
};

export function variantCache(cacheDir: string): VariantCache {
  const counts = { fetched: 0, encoded: 0 };
  const encoder = startEncoder(cacheDir);
  const originals = new Map<string, Promise<string>>();
  const variants = new Map<string, Promise<string>>();
  const once = (cache: Map<string, Promise<string>>, key: string, job: () => Promise<EncoderDone>) => {
    let pending = cache.get(key);
    if (!pending) {
      pending = job().then((done) => {
        if (done.fetched) counts.fetched++;
        if (done.encoded) counts.encoded++;
        return done.path;
      });
      // A failure (the host down, a broken original) is met again, and
      // reported, by whoever asks next: the build, when it needs the file.
      pending.catch(() => cache.delete(key));
      cache.set(key, pending);
    }
    return pending;
  };
  return {
    counts,
    original: (assetId) =>
      once(originals, assetId, () => encoder.run({ kind: 'original', assetId, url: originalUrl(assetId) })),
    ensure: (name, variant) =>
      once(variants, name, () => encoder.run({ kind: 'variant', name, variant, url: originalUrl(variant.assetId) })),
  };
}

/** The encoder thread (encode-worker.ts) for one cache directory; it never keeps the process alive. */
function startEncoder(cacheDir: string): { run(job: EncoderJob): Promise<EncoderDone> } {
  let worker: Worker | undefined;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (done: EncoderDone) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
    worker = undefined;
  };
  const start = () => {
    const w = new Worker(new URL('./encode-worker.ts', import.meta.url), {
      workerData: { cacheDir },
      // Its JavaScript holds a job or two; the pixels are sharp's, outside the heap.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    w.unref();
    w.on('message', (reply: EncoderReply) => {
      const job = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (waiting.size === 0) w.unref();
      if (!job) return;
      if (reply.ok) job.resolve(reply);
      else
        job.reject(isErrorName(reply.name) ? new NewsroomError(reply.name, reply.message) : new Error(reply.message));
    });
    // A crashed encoder fails what it was doing; the next job starts a new one.
    w.on('error', failAll);
    w.on('exit', (code) => failAll(new Error(`The image encoder stopped (exit ${code}).`)));
    return w;
  };
  return {
    run: (job) =>
      new Promise<EncoderDone>((resolve, reject) => {
        worker ??= start();
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        // Kept alive while it has work, so a build waiting on it does not exit early.
        worker.ref();
        worker.postMessage({ ...job, id } satisfies EncoderMessage);
      }),
  };
}

export async function encodeVariants(options: EncodeOptions): Promise<EncodeReport> {
  const { cache } = options;
  const before = { ...cache.counts };
  const outDir = join(options.outDir, IMAGE_DIR);
  await mkdir(outDir, { recursive: true });
  const queue = [...options.variants];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [name, variant] = next;
      await publish(await cache.ensure(name, variant), join(outDir, name));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
  return {
    total: options.variants.size,
    encoded: cache.counts.encoded - before.encoded,
    fetched: cache.counts.fetched - before.fetched,
  };
}

/** Hard-links the cached file into the build (no copy), or copies across devices. */
async function publish(cached: string, target: string): Promise<void> {
  if (await fileExists(target)) return;
  await link(cached, target).catch(() => copyFile(cached, target));
}
