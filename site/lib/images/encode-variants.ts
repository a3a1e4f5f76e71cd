// Writes every variant the pages link to into the build. Originals are
// fetched from the content host once and kept; each variant is encoded once
// and kept; so a rebuild with unchanged images neither fetches nor encodes.
import { copyFile, link, mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { newsroomError } from '../errors.ts';
import { originalUrl } from './image-host.ts';
import { type ImageVariant, QUALITY } from './variant.ts';
import { IMAGE_DIR } from './variant-registry.ts';

export type EncodeOptions = {
  variants: ReadonlyMap<string, ImageVariant>;
  /** The build's output directory; files go to <outDir>/_img/. */
  outDir: string;
  /** Kept between builds: originals/ and variants/. */
  cacheDir: string;
  /** Variants encoded at once; each encode already uses libvips threads. */
  concurrency?: number;
};

export type EncodeReport = { total: number; encoded: number; fetched: number };

export async function encodeVariants(options: EncodeOptions): Promise<EncodeReport> {
  const report: EncodeReport = { total: options.variants.size, encoded: 0, fetched: 0 };
  const outDir = join(options.outDir, IMAGE_DIR);
  await Promise.all(['originals', 'variants'].map((d) => mkdir(join(options.cacheDir, d), { recursive: true })));
  await mkdir(outDir, { recursive: true });
  const originals = new Map<string, Promise<string>>();
  const original = (v: ImageVariant) => {
    let pending = originals.get(v.assetId);
    if (!pending) {
      pending = fetchOriginal(v, options.cacheDir, () => report.fetched++);
      originals.set(v.assetId, pending);
    }
    return pending;
  };

  const queue = [...options.variants];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [name, variant] = next;
      const cached = join(options.cacheDir, 'variants', name);
      if (!(await exists(cached))) {
        await encode(await original(variant), variant, cached);
        report.encoded++;
      }
      await publish(cached, join(outDir, name));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
  return report;
}

async function fetchOriginal(v: ImageVariant, cacheDir: string, onFetch: () => void): Promise<string> {
  const file = join(cacheDir, 'originals', v.assetId);
  if (await exists(file)) return file;
  const url = originalUrl(v.assetId);
  let bytes: Buffer;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (cause) {
    throw newsroomError('ImageSourceUnavailable', v.assetId, url, (cause as Error).message);
  }
  await writeAtomically(file, bytes);
  onFetch();
  return file;
}

async function encode(source: string, v: ImageVariant, target: string): Promise<void> {
  const [left, top, width, height] = v.rect;
  const pipeline = sharp(source).rotate().extract({ left, top, width, height }).resize(v.width, v.height);
  const quality = QUALITY[v.format];
  const encoded =
    v.format === 'avif'
      ? pipeline.avif({ quality, effort: 2 })
      : v.format === 'webp'
        ? pipeline.webp({ quality })
        : pipeline.jpeg({ quality, mozjpeg: true, progressive: true });
  await writeAtomically(target, await encoded.toBuffer());
}

/** Hard-links the cached file into the build (no copy), or copies across devices. */
async function publish(cached: string, target: string): Promise<void> {
  if (await exists(target)) return;
  await link(cached, target).catch(() => copyFile(cached, target));
}

async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, file);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
