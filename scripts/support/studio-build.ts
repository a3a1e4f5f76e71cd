// Builds the Studio with `sanity build` when its output is missing or out of
// date. A build writes a fingerprint of everything it was made from (the
// Studio and schema sources, the locked dependencies, the SANITY_STUDIO_*
// variables Vite inlines) next to its output; a later call with the same
// fingerprint reuses the build instead of spending ten seconds on a new one.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STUDIO = join(ROOT, 'studio');
const SANITY_BIN = join(ROOT, 'node_modules/sanity/bin/sanity');
const STAMP = '.newsroom-build.json';

/** What a Studio build is made from, besides the environment. */
const SOURCES = ['studio', 'schemas', 'package-lock.json'];
/** Inside SOURCES, never inputs: outputs (and builds in progress beside them) and caches. */
const isIgnored = (name: string) => name === '.sanity' || name === 'node_modules' || /^dist($|\.)/.test(name);

export const DEFAULT_STUDIO_DIST = join(STUDIO, 'dist');

export type StudioBuildOptions = {
  /** Where the built Studio goes. Default: studio/dist. */
  outDir?: string;
  /** The environment the build sees (SANITY_STUDIO_* are inlined). Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Build even when the output is up to date. */
  force?: boolean;
  /** Progress lines. Default: console.log. */
  log?: (line: string) => void;
};

export type StudioBuild = { outDir: string; fingerprint: string; built: boolean; ms: number };

/** The fingerprint a build made now, from these sources and this environment, would have. */
export function studioFingerprint(env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((source) => filesUnder(join(ROOT, source)))) {
    hash
      .update(`${relative(ROOT, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  }
  for (const [key, value] of Object.entries(env)
    .filter(([key]) => key.startsWith('SANITY_STUDIO_'))
    .sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(`${key}=${value}\0`);
  }
  return hash.digest('hex');
}

/** Whether `outDir` holds a complete build with exactly this fingerprint. */
export async function isStudioBuildFresh(outDir: string, fingerprint: string): Promise<boolean> {
  const stamp = await readFile(join(outDir, STAMP), 'utf8').catch(() => undefined);
  if (!stamp) return false;
  try {
    return (JSON.parse(stamp) as { fingerprint?: unknown }).fingerprint === fingerprint;
  } catch {
    return false;
  }
}

/** Builds the Studio into `outDir` unless an up-to-date build is already there. */
export async function ensureStudioBuild(options: StudioBuildOptions = {}): Promise<StudioBuild> {
  const started = performance.now();
  const outDir = options.outDir ?? DEFAULT_STUDIO_DIST;
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const fingerprint = studioFingerprint(env);
  if (!options.force && (await isStudioBuildFresh(outDir, fingerprint))) {
    return { outDir, fingerprint, built: false, ms: performance.now() - started };
  }
  log(`Building the Studio into ${outDir.startsWith(ROOT) ? relative(ROOT, outDir) : outDir} (sanity build)…`);
  // Built beside the target and swapped in whole, so a server reading outDir
  // never sees half a build and a failed build leaves the old one in place.
  const staging = `${outDir}.building-${process.pid}`;
  await mkdir(dirname(outDir), { recursive: true });
  try {
    await runSanityBuild(staging, env);
    await writeFile(join(staging, STAMP), `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() })}\n`);
    const old = `${outDir}.old-${process.pid}`;
    await rename(outDir, old).catch(() => undefined);
    await rename(staging, outDir);
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const ms = performance.now() - started;
  log(`Built the Studio in ${(ms / 1000).toFixed(1)} s.`);
  return { outDir, fingerprint, built: true, ms };
}

function runSanityBuild(outDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SANITY_BIN, 'build', outDir, '--yes'], {
      cwd: STUDIO,
      env: { ...env, SANITY_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(studioBuildFailed(signal ?? `exit ${code}`, output));
    });
  });
}

function studioBuildFailed(how: string, output: string): Error {
  const error = new Error(`sanity build failed (${how}):\n${output.trim().split('\n').slice(-40).join('\n')}`);
  error.name = 'StudioBuildFailed';
  return Object.assign(error, {
    hint: 'Fix the error above in studio/ or schemas/ (run `npx tsc --noEmit -p .` for type errors), then start again.',
  });
}

function filesUnder(path: string): string[] {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return [];
  if (info.isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !isIgnored(entry.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}
