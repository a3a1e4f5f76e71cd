// The Astro integration that turns the image variants pages linked to into
// files in the build, once the pages are written.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { encodeVariants } from './encode-variants.ts';
import { requiredVariants, resetVariants } from './variant-registry.ts';

export function imageVariants(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'newsroom-image-variants',
    hooks: {
      'astro:config:setup': () => resetVariants(),
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL('newsroom-images/', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const report = await encodeVariants({ variants: requiredVariants(), outDir: fileURLToPath(dir), cacheDir });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `${report.total} image variants in the build (${report.encoded} encoded, ${report.fetched} originals fetched) in ${seconds}s`,
        );
      },
    },
  };
}
