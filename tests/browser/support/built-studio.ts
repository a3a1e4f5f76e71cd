// One built Studio for the whole test run: studio/dist when it is up to date
// with the sources, otherwise a build in the OS temp folder named by the
// sources' fingerprint. Test files run in parallel workers, so the first to
// get here builds under a lock while the others wait; later runs with
// unchanged sources find the build already there.
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_STUDIO_DIST,
  ensureStudioBuild,
  isStudioBuildFresh,
  studioFingerprint,
} from '../../../scripts/support/studio-build.ts';

/** The Studio's build environment in tests: none of the machine's SANITY_STUDIO_* settings. */
const BUILD_ENV = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SANITY_STUDIO_')));

let built: Promise<string> | undefined;

/** The directory of an up-to-date Studio build (built once per run at most). */
export function builtStudio(): Promise<string> {
  built ??= findOrBuild();
  return built;
}

async function findOrBuild(): Promise<string> {
  const fingerprint = studioFingerprint(BUILD_ENV);
  if (await isStudioBuildFresh(DEFAULT_STUDIO_DIST, fingerprint)) return DEFAULT_STUDIO_DIST;
  const outDir = join(tmpdir(), `newsroom-studio-${fingerprint.slice(0, 16)}`);
  return withLock(`${outDir}.lock`, async () => {
    await ensureStudioBuild({ outDir, env: BUILD_ENV, log: () => {} });
    return outDir;
  });
}

/** A lock directory: mkdir is atomic. A lock older than the longest build is taken to be left by a killed run. */
async function withLock<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  const staleMs = 5 * 60_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const info = await stat(lock).catch(() => undefined);
      if (info && Date.now() - info.mtimeMs > staleMs) await rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await writeFile(join(lock, 'pid'), String(process.pid));
    return await fn();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
