// The Astro integration that turns the image variants pages link to into
// files in the build. Encoding starts as soon as a variant is first required
// (bodies at load time, heroes and cards as pages render), one at a time, so
// the encoder uses the core page rendering leaves idle; once the pages are
// written, whatever is left is encoded at full speed and every file is linked
// into the build.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { encodeVariants, type VariantCache, variantCache } from './encode-variants.ts';
import { onNewVariant, requiredVariants, resetVariants } from './variant-registry.ts';

export function imageVariants(): AstroIntegration {
  let cache: VariantCache | undefined;
  let stopEarly: (() => void) | undefined;
  return {
    name: 'newsroom-image-variants',
    hooks: {
      'astro:config:setup': () => resetVariants(),
      'astro:config:done': ({ config }) => {
        cache = variantCache(fileURLToPath(new URL('newsroom-images/', config.cacheDir)));
        stopEarly = encodeAhead(cache);
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

/** Encodes newly required variants one by one into the cache until stopped. */
function encodeAhead(cache: VariantCache): () => void {
  const queue: [string, Parameters<VariantCache['ensure']>[1]][] = [];
  let running = false;
  let stopped = false;
  const drain = async () => {
    running = true;
    for (let next = queue.shift(); next && !stopped; next = queue.shift()) {
      // A failure here is met again, and reported, when the build asks for the file.
      await cache.ensure(...next).catch(() => undefined);
    }
    running = false;
  };
  const stop = onNewVariant((name, variant) => {
    queue.push([name, variant]);
    if (!running && !stopped) void drain();
  });
  return () => {
    stopped = true;
    stop();
  };
}
