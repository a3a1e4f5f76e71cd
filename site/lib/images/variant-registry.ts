// The variants pages asked for during this build. Loaders, page chunks and the
// integration that encodes the files run in one process but load separate
// copies of this module, so the registry lives on globalThis.
import { type ImageVariant, variantFileName } from './variant.ts';

const KEY = Symbol.for('newsroom.imageVariants');
const LISTENERS = Symbol.for('newsroom.imageVariantListeners');
type Registry = Map<string, ImageVariant>;
type Listener = (name: string, variant: ImageVariant) => void;

function registry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  g[KEY] ??= new Map();
  return g[KEY];
}

function listeners(): Set<Listener> {
  const g = globalThis as { [LISTENERS]?: Set<Listener> };
  g[LISTENERS] ??= new Set();
  return g[LISTENERS];
}

/** Calls `listener` with each variant the first time it is required; returns a function that stops it. */
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

/** Forgets the variants of an earlier build in this process (the publisher's build worker runs many). */
export function resetVariants(): void {
  registry().clear();
}

/** Every variant recorded so far, by file name. */
export function requiredVariants(): ReadonlyMap<string, ImageVariant> {
  return registry();
}
