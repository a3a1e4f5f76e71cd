// The Astro integration that turns the image variants pages link to into
// files in the build. Encoding starts as soon as a variant is first required
// (bodies at load time, heroes and cards as pages render), in the encoder's
// own thread (encode-worker.ts), so it uses the core that loading and page
// rendering leave idle; once the pages are written, whatever is left is
// finished and every file is linked into the build.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentHostReleasable, releaseContentHost } from '../content/content-host-release.ts';
import { encodeVariants, type VariantCache, variantCache } from './encode-variants.ts';
import { requiredOriginals, resetOriginals } from './original-registry.ts';
import { onNewVariant, requiredVariants, resetVariants } from './variant-registry.ts';

export function imageVariants(): AstroIntegration {
  let cache: VariantCache | undefined;
  let stopEarly: (() => void) | undefined;
  return {
    name: 'newsroom-image-variants',
    hooks: {
      'astro:config:setup': () => {
        resetVariants();
        resetOriginals();
      },
      'astro:config:done': ({ config }) => {
        cache = variantCache(fileURLToPath(new URL('newsroom-images/', config.cacheDir)));
        stopEarly = encodeAhead(cache);
      },
      // Content is loaded by now: with every original the content shows in the
      // cache, the build needs the content host no more, and a lake this build
      // started can stop. Nothing to do for a host the build does not own.
      'astro:build:start': async ({ logger }) => {
        if (!contentHostReleasable()) return;
        const ids = new Set([...requiredOriginals(), ...[...requiredVariants().values()].map((v) => v.assetId)]);
        const failed = await fetchAll(cache as VariantCache, [...ids]);
        if (failed) logger.warn(`${failed} image original(s) could not be fetched yet; the content host is kept.`);
        else releaseContentHost();
      },
      'astro:build:done': async ({ dir, logger }) => {
        stopEarly?.();
        const started = performance.now();
        const report = await encodeVariants({
          variants: requiredVariants(),
          outDir: fileURLToPath(dir),
          cache: cache as VariantCache,
        });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const { encoded, fetched } = (cache as VariantCache).counts;
        logger.info(
          `${report.total} image variants in the build (${encoded} encoded, ${fetched} originals fetched; ${report.encoded} of them after the pages) in ${seconds}s after the pages`,
        );
      },
    },
  };
}

/** Fetches originals a few at a time; returns how many failed. */
async function fetchAll(cache: VariantCache, ids: string[]): Promise<number> {
  let failed = 0;
  const worker = async () => {
    for (let id = ids.pop(); id; id = ids.pop()) await cache.original(id).catch(() => failed++);
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return failed;
}

/** Hands each newly required variant to the encoder thread until stopped. */
function encodeAhead(cache: VariantCache): () => void {
  return onNewVariant((name, variant) => {
    // A failure here is met again, and reported, when the build asks for the file.
    cache.ensure(name, variant).catch(() => undefined);
  });
}
