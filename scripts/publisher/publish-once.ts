// One publish: build the site over the live release (only pages whose keys
// changed are rendered), then deploy those pages over it and remove the pages
// that are gone. The first publish, with nothing live, is a full build.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SkippedDocument } from '../../site/lib/content/document-problems.ts';
import { deployBuild } from '../deploy/deploy-build.ts';
import type { ReleaseManifest } from '../deploy/manifest.ts';
import type { ReleaseStore } from '../deploy/release-store.ts';
import { writeStoryHistory } from '../deploy/story-history.ts';
import { sweepDeadProcessFiles } from '../support/stale-staging.ts';
import { BuildFailed, type BuildRunner } from './build-runner.ts';

export type PublishOnceOptions = {
  store: ReleaseStore;
  /** Where builds run (the publisher keeps one warm worker). */
  builder: BuildRunner;
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
  /** The documents the build left out as invalid. */
  skipped: SkippedDocument[];
};

export async function publishOnce(options: PublishOnceOptions): Promise<PublishResult> {
  const { store } = options;
  const run = `${Date.now().toString(36)}-${process.pid}`;
  const outDir = join(options.workDir, `out-${run}`);
  const keysOut = join(options.workDir, `keys-${run}.json`);
  const baseKeysFile = join(options.workDir, `base-keys-${run}.json`);
  const revisionsOut = join(options.workDir, `revisions-${run}.json`);
  // Every address stories had, so bodies linking to a former one link to the story's page now.
  const historyFile = join(options.workDir, `story-history-${run}.json`);
  mkdirSync(options.workDir, { recursive: true });
  await sweepStaleRuns(options.workDir);

  const base = store.liveId();
  // Without the base's page keys there is no telling which pages are gone, so
  // the build is full and the release stands on its own.
  const recorded = base ? pageKeysOf(store.readManifest(base)) : undefined;
  const baseKeys = recorded && Object.keys(recorded).length > 0 ? recorded : undefined;
  if (baseKeys) writeFileSync(baseKeysFile, JSON.stringify(baseKeys));
  writeStoryHistory(store, historyFile);
  try {
    const started = performance.now();
    await buildAndName(options.builder, revisionsOut)(
      outDir,
      {
        ...options.env,
        NEWSROOM_CACHE_DIR: options.cacheDir,
        NEWSROOM_PAGE_KEYS_OUT: keysOut,
        NEWSROOM_REVISIONS_OUT: revisionsOut,
        NEWSROOM_BASE_KEYS: baseKeys ? baseKeysFile : undefined,
        NEWSROOM_CHANGED_IDS: options.changedIds.join(','),
        NEWSROOM_STORY_HISTORY: historyFile,
      },
      options.onOutput,
    );
    const buildSeconds = (performance.now() - started) / 1000;
    const keys = JSON.parse(readFileSync(keysOut, 'utf8')) as Record<string, string>;
    const removed = baseKeys ? Object.keys(baseKeys).filter((path) => !(path in keys)) : [];
    const rendered = baseKeys
      ? Object.keys(keys).filter((path) => baseKeys[path] !== keys[path]).length
      : Object.keys(keys).length;
    const record = buildRecord(revisionsOut);
    const revisions = record.stories ?? {};
    // Kept with the release, so a rollback can tell editors which versions are live again.
    const { manifest } = await deployBuild({
      store,
      buildDir: outDir,
      base: baseKeys ? base : undefined,
      removed,
      siteOrigin: options.siteOrigin,
      retention: options.retention,
      meta: { pageKeys: keys, changedIds: options.changedIds, buildSeconds, revisions },
    });
    return { manifest, rendered, removed, buildSeconds, revisions, skipped: skippedIn(record) };
  } finally {
    for (const path of [outDir, keysOut, baseKeysFile, revisionsOut, historyFile])
      rmSync(path, { recursive: true, force: true });
  }
}

type BuildRecord = { stories?: Record<string, string>; skipped?: Record<string, SkippedDocument[]> };

/** What the build's loader recorded for the publisher (sanity-loader.ts), or nothing if it got no further. */
function buildRecord(file: string): BuildRecord {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildRecord) : {};
}

// At most this many are listed with a deploy: a dataset with thousands of bad
// documents must not grow the deployment document past reason.
const MAX_SKIPPED = 50;

function skippedIn(record: BuildRecord): SkippedDocument[] {
  return Object.values(record.skipped ?? {})
    .flat()
    .slice(0, MAX_SKIPPED);
}

/** The builder's build; a failed one carries the documents the loader left out before it failed. */
function buildAndName(builder: BuildRunner, recordFile: string): BuildRunner['build'] {
  return (outDir, env, onOutput) =>
    builder.build(outDir, env, onOutput).catch((error: unknown) => {
      if (error instanceof BuildFailed) error.skipped = skippedIn(buildRecord(recordFile));
      throw error;
    });
}

// What a run leaves in the work directory, named for the publisher's process:
// out-<run>/, keys-<run>.json, base-keys-<run>.json, revisions-<run>.json,
// story-history-<run>.json.
const RUN_FILE = /^(?:out|keys|base-keys|revisions|story-history)-[0-9a-z]+-(\d+)(?:\.json)?$/;

/**
 * Removes what runs of a publisher that is gone left behind: each run removes
 * its own files when it ends, but a kill -9 mid-publish skips that, and the
 * page keys alone are about 0.6 MB at 12k pages.
 */
export function sweepStaleRuns(workDir: string): Promise<string[]> {
  return sweepDeadProcessFiles(workDir, RUN_FILE).catch(() => []);
}

/** The story revisions a release shows (story id → _rev), if the publisher recorded them. */
export function revisionsOf(manifest: ReleaseManifest): Record<string, string> | undefined {
  const revisions = manifest.meta.revisions;
  return revisions && typeof revisions === 'object' ? (revisions as Record<string, string>) : undefined;
}

/** The page keys a release was built with, if it records them. */
export function pageKeysOf(manifest: ReleaseManifest): Record<string, string> | undefined {
  const keys = manifest.meta.pageKeys;
  return keys && typeof keys === 'object' ? (keys as Record<string, string>) : undefined;
}
