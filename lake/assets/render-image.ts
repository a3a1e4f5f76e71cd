import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import sharp, { type FormatEnum, type Sharp } from 'sharp';
import { randomId } from '../ids/random-id.ts';
import { variantPath } from './asset-paths.ts';
import { IMAGE_FORMATS, OUTPUT_FORMATS } from './image-formats.ts';
import { type ImageParams, paramsKey } from './image-params.ts';
import type { RenderSlots } from './render-slots.ts';
import type { VariantCache } from './variant-cache.ts';

export type RenderRequest = {
  dataDir: string;
  dataset: string;
  /** The original's path and extension. */
  source: string;
  extension: string;
  params: ImageParams;
  /** The request's Accept header, for `auto=format`. */
  accept: string | undefined;
  /** Keeps the rendered variants within their disk budget. */
  cache: VariantCache;
  /** Keeps renders from taking every thread file reads need. */
  slots: RenderSlots;
};

export type Rendered = { path: string; contentType: string; cache: 'hit' | 'miss' };

type OutputFormat = keyof typeof OUTPUT_FORMATS;

function outputFormat(params: ImageParams, original: string, accept: string | undefined): OutputFormat {
  if (params.fm) return params.fm;
  if (params.auto === 'format' && accept?.includes('image/webp')) return 'webp';
  return original in OUTPUT_FORMATS ? (original as OutputFormat) : 'jpg';
}

/**
 * Renders a variant with sharp, or reuses the cached file for the same
 * original and parameters (the cache key is the original's path and the
 * normalised parameters), so a repeated request does not re-encode.
 */
export async function renderImage(request: RenderRequest): Promise<Rendered> {
  const format = outputFormat(request.params, request.extension, request.accept);
  const output = IMAGE_FORMATS[OUTPUT_FORMATS[format]] as { extension: string; mimeType: string };
  const key = createHash('sha256')
    .update(`${request.source}?${paramsKey(request.params, format)}`)
    .digest('hex');
  const target = variantPath(request.dataDir, request.dataset, key, output.extension);
  if (existsSync(target)) {
    request.cache.used(target);
    return { path: target, contentType: output.mimeType, cache: 'hit' };
  }
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${randomId(8)}.tmp`;
  const { size } = await request.slots.run(async () =>
    (await pipeline(request.source, request.params))
      .toFormat(OUTPUT_FORMATS[format] as keyof FormatEnum, quality(format, request.params))
      .toFile(temporary),
  );
  await rename(temporary, target);
  request.cache.added(target, size);
  return { path: target, contentType: output.mimeType, cache: 'miss' };
}

function quality(format: string, params: ImageParams): Record<string, unknown> {
  // Sanity takes q from 0 to 100; the encoders' lowest quality is 1.
  const q = Math.max(1, params.q ?? 75);
  if (format === 'png') return {};
  return format === 'pjpg' ? { quality: q, progressive: true } : { quality: q };
}

/** rect → dpr-scaled resize with the requested fit; mirrors the Sanity image CDN's order. */
async function pipeline(source: string, params: ImageParams): Promise<Sharp> {
  let image = sharp(source).rotate();
  const meta = await sharp(source).metadata();
  // metadata() describes the stored pixels; EXIF orientations 5-8 display them a quarter turn round.
  const turned = (meta.orientation ?? 1) >= 5;
  let srcW = (turned ? meta.height : meta.width) ?? 1;
  let srcH = (turned ? meta.width : meta.height) ?? 1;
  if (params.rect) {
    const [left, top, w, h] = params.rect;
    const width = Math.min(w, srcW - left);
    const height = Math.min(h, srcH - top);
    if (width > 0 && height > 0) {
      image = sharp(await image.extract({ left, top, width, height }).toBuffer());
      srcW = width;
      srcH = height;
    }
  }
  const dpr = params.dpr ?? 1;
  const w = params.w ? Math.round(params.w * dpr) : undefined;
  const h = params.h ? Math.round(params.h * dpr) : undefined;
  if (!w && !h) return image;
  const fit = params.fit ?? 'clip';
  if (fit === 'crop' && w && h) return cropTo(image, srcW, srcH, w, h, params);
  if (fit === 'crop' || fit === 'clip') return image.resize({ width: w, height: h, fit: 'inside' });
  if (fit === 'max') return image.resize({ width: w, height: h, fit: 'inside', withoutEnlargement: true });
  if (fit === 'scale') return image.resize({ width: w, height: h, fit: 'fill' });
  if (fit === 'min') return image.resize({ width: w, height: h, fit: 'cover', withoutEnlargement: true });
  const background = { r: 255, g: 255, b: 255, alpha: 1 };
  return image.resize({ width: w, height: h, fit: 'contain', background, withoutEnlargement: fit === 'fillmax' });
}

/**
 * fit=crop: cover w×h, keeping the focal point (fp-x/fp-y) or the `crop` edges in view.
 * The region to keep is cut from the source first and only then scaled to w×h:
 * scaling the whole source to cover w×h first made, for a source far narrower
 * than w×h (rect=0,0,1,700&w=8192&h=1), an intermediate of billions of pixels.
 */
async function cropTo(image: Sharp, srcW: number, srcH: number, w: number, h: number, params: ImageParams) {
  const crop = params.crop ?? [];
  const scale = Math.max(w / srcW, h / srcH);
  const width = clamp(Math.round(w / scale), 1, srcW);
  const height = clamp(Math.round(h / scale), 1, srcH);
  let region: Sharp;
  if (crop.includes('entropy')) {
    region = image.resize({ width, height, fit: 'cover', position: sharp.strategy.entropy });
  } else {
    let fx = params['fp-x'] ?? 0.5;
    let fy = params['fp-y'] ?? 0.5;
    if (!crop.includes('focalpoint')) {
      fx = crop.includes('left') ? 0 : crop.includes('right') ? 1 : 0.5;
      fy = crop.includes('top') ? 0 : crop.includes('bottom') ? 1 : 0.5;
    }
    const left = clamp(Math.round(fx * srcW - width / 2), 0, srcW - width);
    const top = clamp(Math.round(fy * srcH - height / 2), 0, srcH - height);
    region = image.extract({ left, top, width, height });
  }
  return sharp(await region.toBuffer()).resize({ width: w, height: h, fit: 'fill' });
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
