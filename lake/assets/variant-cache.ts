// The disk budget of rendered image variants. Any client may ask for a new
// variant (each w from 1 to 8192, each q, dpr, fit, format...), and each was
// kept for ever: one client walking the widths of one photo filled the disk
// at several GB an hour. The cache now stays under a byte budget, dropping
// the variants used least recently; a dropped variant is rendered again
// when it is next asked for, so nothing a reader sees is lost.
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

export type VariantCache = {
  /** A cached variant was served: it is the last to be dropped. */
  used(path: string): void;
  /** A variant was written: counted, then the least recently used go until the cache fits its budget. */
  added(path: string, bytes: number): void;
  /** Bytes of variants on disk (diagnostics and tests). */
  bytes(): number;
};

export type VariantCacheOptions = {
  /** The folder of variants, `<dataDir>/cache/images`, one subfolder per dataset. */
  dir: string;
  /** The most bytes of variants kept on disk. */
  maxBytes: number;
};

export function variantCache(options: VariantCacheOptions): VariantCache {
  // Least recently used first: a Map keeps insertion order, and a use re-inserts.
  // Read when the lake starts, before any render can have a `.tmp` file in flight.
  const known = new Map<string, number>();
  let total = 0;
  for (const { path, bytes } of variantsOnDisk(options.dir).sort((a, b) => a.usedAt - b.usedAt)) {
    known.set(path, bytes);
    total += bytes;
  }
  const drop = (path: string) => {
    total -= known.get(path) ?? 0;
    known.delete(path);
    try {
      // A reader still streaming it keeps its open file; only the name goes.
      unlinkSync(path);
    } catch {}
  };
  return {
    used(path) {
      const bytes = known.get(path);
      if (bytes === undefined) return;
      known.delete(path);
      known.set(path, bytes);
    },
    added(path, bytes) {
      total += bytes - (known.get(path) ?? 0);
      known.delete(path);
      known.set(path, bytes);
      for (const oldest of known.keys()) {
        if (total <= options.maxBytes || oldest === path) break;
        drop(oldest);
      }
    },
    bytes: () => total,
  };
}

/** Variants already on disk from earlier runs; half-written `.tmp` files a crash left are removed. */
function variantsOnDisk(dir: string): { path: string; bytes: number; usedAt: number }[] {
  const found: { path: string; bytes: number; usedAt: number }[] = [];
  for (const dataset of safeList(dir)) {
    for (const name of safeList(join(dir, dataset))) {
      const path = join(dir, dataset, name);
      try {
        if (name.endsWith('.tmp')) unlinkSync(path);
        else {
          const info = statSync(path);
          if (info.isFile()) found.push({ path, bytes: info.size, usedAt: info.mtimeMs });
        }
      } catch {}
    }
  }
  return found;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
