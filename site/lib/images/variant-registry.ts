// The variants pages asked for during this build. Loaders, page chunks and the
// integration that encodes the files run in one process but load separate
// copies of this module, so the registry is shared per process (process-shared.ts).
import { processShared } from '../process-shared.ts';
import { type ImageVariant, variantFileName } from './variant.ts';

type Listener = (name: string, variant: ImageVariant) => void;

const registry = () => processShared('imageVariants', () => new Map<string, ImageVariant>());
const listeners = () => processShared('imageVariantListeners', () => new Set<Listener>());
const anticipated = () => processShared('imageVariantsAnticipated', () => new Set<string>());
const photosSeen = () => processShared('imageVariantsPhotosSeen', () => new Set<string>());

/**
 * Calls `listener` with each variant the first time it is required or
 * anticipated (so it can be encoded); returns a function that stops it.
 */
export function onNewVariant(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Public path under which the build will publish the variant. */
export const IMAGE_DIR = '_img';

/** Records that the site links to `v` and returns the path it will be served at. */
export function requireVariant(v: ImageVariant): string {
  const name = variantFileName(v);
  const all = registry();
  if (!all.has(name)) {
    all.set(name, v);
    for (const listener of listeners()) listener(name, v);
  }
  return `/${IMAGE_DIR}/${name}`;
}

/**
 * Announces a variant the pages will most likely link to, so the encoder can
 * make it while the content loads and a core is free. Unlike requireVariant
 * it puts nothing in the build: a variant no page asks for stays in the cache.
 */
export function anticipateVariant(v: ImageVariant): void {
  const name = variantFileName(v);
  if (registry().has(name) || anticipated().has(name)) return;
  anticipated().add(name);
  for (const listener of listeners()) listener(name, v);
}

/** True the first time this build asks about a photo (its photoKey), so its variants are worked out once. */
export function firstSightOfPhoto(key: string): boolean {
  const seen = photosSeen();
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** Forgets the variants of an earlier build in this process (the publisher's build worker runs many). */
export function resetVariants(): void {
  registry().clear();
  anticipated().clear();
  photosSeen().clear();
}

/** Every variant recorded so far, by file name. */
export function requiredVariants(): ReadonlyMap<string, ImageVariant> {
  return registry();
}
