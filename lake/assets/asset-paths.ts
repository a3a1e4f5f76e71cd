import { join } from 'node:path';

/** Files of image assets: `<sha1>-<w>x<h>.<ext>`; of file assets: `<sha1>.<ext>`. */
export const IMAGE_FILE = /^([a-f0-9]{40})-(\d+)x(\d+)\.([a-z0-9]+)$/;
export const FILE_FILE = /^([a-f0-9]{40})\.([a-z0-9]+)$/;

export type AssetKind = 'image' | 'file';

/** Where originals live: `<dataDir>/assets/<dataset>/{images,files}/<name>`. */
export function originalPath(dataDir: string, dataset: string, kind: AssetKind, name: string): string {
  return join(originalsDir(dataDir, dataset, kind), name);
}

export function originalsDir(dataDir: string, dataset: string, kind: AssetKind): string {
  return join(dataDir, 'assets', dataset, `${kind}s`);
}

/** Where rendered image variants are cached: `<dataDir>/cache/images/<dataset>/<key>.<ext>`. */
export function variantPath(dataDir: string, dataset: string, key: string, extension: string): string {
  return join(variantsDir(dataDir), dataset, `${key}.${extension}`);
}

export function variantsDir(dataDir: string): string {
  return join(dataDir, 'cache', 'images');
}
