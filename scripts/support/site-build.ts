// One site build: against the configured Sanity-API host, or against the
// embedded lake started for the occasion and stopped afterwards.
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { lakeEnv, startEmbeddedLake } from './embedded-lake.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type SiteBuildOptions = {
  /** Where the static site is written. Default: dist/. */
  outDir?: string;
  /** Fail on any invalid document instead of skipping it. */
  strict?: boolean;
  /** The embedded lake's data directory, when no SANITY_API_HOST is set. */
  lakeDir?: string;
};

export async function buildSite(options: SiteBuildOptions = {}): Promise<{ outDir: string; ms: number }> {
  const started = performance.now();
  const outDir = options.outDir ?? `${ROOT}dist`;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  if (options.strict) process.env.NEWSROOM_STRICT = 'true';

  const lake = process.env.SANITY_API_HOST ? undefined : await startEmbeddedLake({ dataDir: options.lakeDir });
  try {
    // Astro's config and the content loader read the environment, so the lake's
    // address goes there rather than through a side channel.
    if (lake) Object.assign(process.env, lakeEnv(lake.url));
    await build({ root: ROOT, outDir, logLevel: process.env.CI ? 'warn' : 'info' });
  } finally {
    await lake?.stop();
  }
  return { outDir, ms: performance.now() - started };
}
