// One publish: build the site over the live release (only pages whose keys
// changed are rendered), then deploy those pages over it and remove the pages
// that are gone. The first publish, with nothing live, is a full build.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployBuild } from '../deploy/deploy-build.ts';
import type { ReleaseManifest } from '../deploy/manifest.ts';
import type { ReleaseStore } from '../deploy/release-store.ts';

const BUILD_ENTRY = fileURLToPath(new URL('../build.ts', import.meta.url));

export type PublishOnceOptions = {
  store: ReleaseStore;
  /** Scratch space for build outputs and key files. */
  workDir: string;
  /** Astro's cache, kept between publishes so unchanged stories are not loaded again. */
  cacheDir: string;
  /** Environment for the build (SANITY_*, SITE_URL, ...). */
  env: Record<string, string | undefined>;
  /** Ids the publish is for (changed, deleted or due by schedule). */
  changedIds: readonly string[];
  siteOrigin?: string;
  retention?: number;
  /** Build output, for logs. */
  onOutput?: (chunk: string) => void;
};

export type PublishResult = {
  manifest: ReleaseManifest;
  rendered: number;
  removed: string[];
  buildSeconds: number;
  /** Story id → revision, for every story the release shows. */
  revisions: Record<string, string>;
};

export async function publishOnce(options: PublishOnceOptions): Promise<PublishResult> {
  const { store } = options;
  const run = `${Date.now().toString(36)}-${process.pid}`;
  const outDir = join(options.workDir, `out-${run}`);
  const keysOut = join(options.workDir, `keys-${run}.json`);
  const baseKeysFile = join(options.workDir, `base-keys-${run}.json`);
  const revisionsOut = join(options.workDir, `revisions-${run}.json`);
  mkdirSync(options.workDir, { recursive: true });

  const base = store.liveId();
  // Without the base's page keys there is no telling which pages are gone, so
  // the build is full and the release stands on its own.
  const recorded = base ? pageKeysOf(store.readManifest(base)) : undefined;
  const baseKeys = recorded && Object.keys(recorded).length > 0 ? recorded : undefined;
  if (baseKeys) writeFileSync(baseKeysFile, JSON.stringify(baseKeys));
  try {
    const started = performance.now();
    await runBuild(
      outDir,
      {
        ...options.env,
        NEWSROOM_CACHE_DIR: options.cacheDir,
        NEWSROOM_PAGE_KEYS_OUT: keysOut,
        NEWSROOM_REVISIONS_OUT: revisionsOut,
        NEWSROOM_BASE_KEYS: baseKeys ? baseKeysFile : undefined,
        NEWSROOM_CHANGED_IDS: options.changedIds.join(','),
      },
      options.onOutput,
    );
    const buildSeconds = (performance.now() - started) / 1000;
    const keys = JSON.parse(readFileSync(keysOut, 'utf8')) as Record<string, string>;
    const removed = baseKeys ? Object.keys(baseKeys).filter((path) => !(path in keys)) : [];
    const rendered = baseKeys
      ? Object.keys(keys).filter((path) => baseKeys[path] !== keys[path]).length
      : Object.keys(keys).length;
    const { manifest } = await deployBuild({
      store,
      buildDir: outDir,
      base: baseKeys ? base : undefined,
      removed,
      siteOrigin: options.siteOrigin,
      retention: options.retention,
      meta: { pageKeys: keys, changedIds: options.changedIds, buildSeconds },
    });
    const revisions =
      (JSON.parse(readFileSync(revisionsOut, 'utf8')) as { stories?: Record<string, string> }).stories ?? {};
    return { manifest, rendered, removed, buildSeconds, revisions };
  } finally {
    for (const path of [outDir, keysOut, baseKeysFile, revisionsOut]) rmSync(path, { recursive: true, force: true });
  }
}

/** The page keys a release was built with, if it records them. */
export function pageKeysOf(manifest: ReleaseManifest): Record<string, string> | undefined {
  const keys = manifest.meta.pageKeys;
  return keys && typeof keys === 'object' ? (keys as Record<string, string>) : undefined;
}

function runBuild(
  outDir: string,
  env: Record<string, string | undefined>,
  onOutput?: (chunk: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanEnv = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined));
    const child = spawn(process.execPath, [BUILD_ENTRY, '--out', outDir], {
      env: cleanEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-6000);
      onOutput?.(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new BuildFailed(code, tail))));
  });
}

export class BuildFailed extends Error {
  override readonly name = 'BuildFailed';
  readonly hint =
    'The live site was not changed. Read the build output above; fix the content or code and publish again.';
  readonly output: string;
  constructor(code: number | null, output: string) {
    const reason = output.match(/Build failed: (.*)/)?.[1] ?? `exit code ${code}`;
    super(`The build failed: ${reason}`);
    this.output = output;
  }
}
