// One site build: against the configured Sanity-API host, or against the
// embedded lake started for the occasion and stopped afterwards.
// First: sets the native allocator's options before Astro loads its bundler.
import './native-allocator.ts';
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { makeWritable } from '../../lake/store/open-database.ts';
import { onContentHostReleased, onContentHostStarting } from '../../site/lib/content/content-host-release.ts';
import { checkSiteEnv } from '../../site/lib/site-env.ts';
import { connectToLake, lakeEnv } from './embedded-lake.ts';
import { replaceDir } from './replace-dir.ts';
import { siteCodeVersion } from './site-code-version.ts';
import { stagingDir, sweepStaleStaging } from './stale-staging.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type SiteBuildOptions = {
  /** Where the static site is written. Default: dist/. Replaced whole when the build succeeds. */
  outDir?: string;
  /** Fail on any invalid document instead of skipping it. */
  strict?: boolean;
  /** The embedded lake's data directory, when no SANITY_API_HOST is set. */
  lakeDir?: string;
  /**
   * Astro's cache (data store, rendered bodies, image variants) kept between
   * builds. Default: NEWSROOM_CACHE_DIR or node_modules/.astro. Builds that run
   * at the same time need different ones.
   */
  cacheDir?: string;
};

export async function buildSite(options: SiteBuildOptions = {}): Promise<{ outDir: string; ms: number }> {
  const started = performance.now();
  // Before a lake starts or a page renders: a mistyped setting is said first.
  checkSiteEnv();
  const outDir = resolve(options.outDir ?? join(ROOT, 'dist'));
  // The site is moved there at the end: a place it cannot go is said now, not after the whole build.
  outputWritableOrThrow(outDir);
  const cacheDir = resolve(options.cacheDir ?? process.env.NEWSROOM_CACHE_DIR ?? join(ROOT, 'node_modules/.astro'));
  // Astro puts its intermediate server chunks next to outDir only when outDir
  // is inside the working directory (else in a shared .astro/), so every build
  // writes into its own staging directory in the project and is moved into
  // place only once it has succeeded: a failed build never leaves a half site.
  const staging = stagingDir(join(ROOT, '.builds'));
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.NEWSROOM_CODE_VERSION = siteCodeVersion(ROOT);
  if (options.strict) process.env.NEWSROOM_STRICT = 'true';

  // The embedded lake and Astro each take about a second to start, so they
  // start together; the loaders wait for the lake (content-host-release.ts).
  const lakeStarting = process.env.SANITY_API_HOST ? undefined : connectToLake({ dataDir: options.lakeDir });
  let unregister: (() => void) | undefined;
  const lakeReady = lakeStarting?.then((lake) => {
    if (lake.shared) console.log(`Reading from the lake already running on this data directory (${lake.url}).`);
    // The content loader reads the environment (once this promise settles), so
    // the lake's address goes there rather than through a side channel.
    Object.assign(process.env, lakeEnv(lake.url));
    // A lake started for this build alone holds all content in memory; once the
    // content and its images are loaded, it is stopped while the pages render.
    if (!lake.shared)
      unregister = onContentHostReleased(() => {
        console.log('Content and images are loaded: the embedded lake is stopped while the pages render.');
        void lake.stop();
      });
  });
  const unwait = lakeReady ? onContentHostStarting(lakeReady) : undefined;
  try {
    process.chdir(ROOT);
    const [lake, site] = await Promise.allSettled([
      lakeReady,
      build({ root: ROOT, outDir: staging, cacheDir, logLevel: process.env.CI ? 'warn' : 'info' }),
    ]);
    // A lake that could not start is why the build failed too; say so first.
    if (lake.status === 'rejected') throw lake.reason;
    if (site.status === 'rejected') throw site.reason;
    await replaceDir(staging, outDir);
  } finally {
    unwait?.();
    unregister?.();
    await (await lakeStarting?.catch(() => undefined))?.stop();
    await rm(staging, { recursive: true, force: true });
    // After the build, not before: on some disks files are slow to create for
    // a while after many are deleted, and this build's pages are written.
    const swept = await sweepStaleStaging(dirname(staging)).catch(() => []);
    if (swept.length)
      console.log(
        `Removed ${swept.length} staging director${swept.length === 1 ? 'y' : 'ies'} of killed builds from ${dirname(staging)}.`,
      );
  }
  return { outDir, ms: performance.now() - started };
}

function outputWritableOrThrow(outDir: string): void {
  try {
    makeWritable(dirname(outDir), outDir);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw Object.assign(new Error(`The site cannot be written to ${outDir}: ${why}.`, { cause: error }), {
      name: 'BuildOutputNotWritable',
      hint: 'Give --out a folder this user can write (default dist/ in the project).',
    });
  }
}
