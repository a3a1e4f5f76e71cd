// The embedded default: with no SANITY_API_HOST, commands start a lake on
// loopback themselves, seeding it from content/ the first time, so a fresh
// clone needs no account, no network and nothing already running.
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { type RunningLake, runningLake } from '../../lake/running-lake.ts';
import { DATABASE_FILE } from '../../lake/store/open-database.ts';
import { type ChildLake, type ChildLakeOptions, QUIET_IF_RUNNING, startChildLake } from './child-lake.ts';
import { runNodeScript } from './run-node.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const IMPORT_ENTRY = fileURLToPath(new URL('../import.ts', import.meta.url));

export type EmbeddedLakeOptions = {
  /** Default: LAKE_DIR or .lake in the project. */
  dataDir?: string;
  /** What a fresh lake is seeded with. Default: content/. */
  seedDir?: string;
  port?: number;
  /** Extra environment for the lake (e.g. LAKE_TLS=1). */
  env?: Record<string, string>;
  ownProcessGroup?: ChildLakeOptions['ownProcessGroup'];
};

export function defaultLakeDir(): string {
  return process.env.LAKE_DIR ?? `${ROOT}.lake`;
}

/** Starts the embedded lake, seeding it first if its data directory holds no lake yet. */
export async function startEmbeddedLake(options: EmbeddedLakeOptions = {}): Promise<ChildLake> {
  const dataDir = options.dataDir ?? defaultLakeDir();
  if (!hasLake(dataDir)) await seedLake(dataDir, options.seedDir ?? `${ROOT}content`);
  return startChildLake({ dataDir, port: options.port, env: options.env, ownProcessGroup: options.ownProcessGroup });
}

const hasLake = (dataDir: string) => existsSync(join(dataDir, DATABASE_FILE));

/**
 * A new data directory: the seed is imported into a directory of its own
 * beside it, then renamed into place. Seeding in place let a second first run
 * (two builds, or `npm start` during a build) see the directory before its
 * documents: it started an empty lake, or imported the seed again and failed
 * on documents that exist. Now the directory appears whole; of two seeds one
 * is renamed into place and the other dropped.
 *
 * A directory that exists already (made by an administrator where the user
 * may not write beside it, a mounted volume, a symbolic link) is seeded where
 * it is, as before: a rename could not replace it.
 */
async function seedLake(dataDir: string, seedDir: string): Promise<void> {
  console.log(`First run: seeding the embedded lake in ${dataDir} from ${seedDir}`);
  if (existsSync(dataDir)) {
    await runNodeScript(IMPORT_ENTRY, [seedDir, '--data-dir', dataDir]);
    return;
  }
  const staging = `${resolve(dataDir)}.seeding-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await runNodeScript(IMPORT_ENTRY, [seedDir, '--data-dir', staging]);
    try {
      renameSync(staging, dataDir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      // Another first run's seed is in place. A directory made meanwhile holding no lake is seeded where it is.
      if (!hasLake(dataDir)) await runNodeScript(IMPORT_ENTRY, [seedDir, '--data-dir', dataDir]);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** A lake to read from: `url` for Sanity clients; `stop` is a no-op for a lake someone else runs. */
export type LakeConnection = { url: string; shared: boolean; stop: () => Promise<void> };

/**
 * The lake serving `dataDir`: the one already running there (`npm start`),
 * whose data must not be opened a second time, or else one started for the
 * occasion and stopped by `stop`. A running TLS lake is read through its
 * plain-HTTP loopback listener, so local tools need no certificate.
 *
 * A lake started for the occasion is private: another build on the same data
 * directory waits for it to stop (its build lets it go once content is
 * loaded) and then starts its own, rather than reading from a lake that is
 * about to go away under it.
 */
export async function connectToLake(options: EmbeddedLakeOptions = {}): Promise<LakeConnection> {
  const dataDir = options.dataDir ?? defaultLakeDir();
  for (;;) {
    const running = await afterPrivateLake(dataDir);
    if (running) return sharedLake(dataDir, running);
    try {
      const env = { ...options.env, LAKE_PRIVATE: '1', [QUIET_IF_RUNNING]: '1' };
      const lake = await startEmbeddedLake({ ...options, dataDir, env });
      return { url: lake.url, shared: false, stop: lake.stop };
    } catch (error) {
      // Another build's lake claimed the directory while this one started: wait for it instead
      // (it may have stopped again already, which the next turn finds).
      if ((error as Error).name !== 'LakeAlreadyRunning' && !runningLake(dataDir)) throw error;
    }
  }
}

/**
 * Waits while a lake some build started for itself serves `dataDir` (it
 * stops once that build has loaded its content), then returns the lake
 * running there, if any.
 */
export async function afterPrivateLake(dataDir: string): Promise<RunningLake | undefined> {
  let waitingFor: number | undefined;
  for (;;) {
    const running = runningLake(dataDir);
    if (!running?.private) return running;
    if (waitingFor !== running.pid) {
      console.log(`Waiting for the lake a build started on ${dataDir} (pid ${running.pid}) to stop.`);
      waitingFor = running.pid;
    }
    await delay(PRIVATE_LAKE_POLL_MS);
  }
}

const PRIVATE_LAKE_POLL_MS = 200;

function sharedLake(dataDir: string, running: RunningLake): LakeConnection {
  const url = running.httpUrl ?? running.url;
  if (url.startsWith('https:') && !process.env.NODE_EXTRA_CA_CERTS) {
    throw Object.assign(new Error(`The lake running on ${dataDir} (pid ${running.pid}) serves only HTTPS.`), {
      name: 'RunningLakeNeedsCa',
      hint: 'Run with NODE_EXTRA_CA_CERTS="$(node scripts/certs.ts path)", or restart it with `npm start`, which also listens on plain HTTP for builds.',
    });
  }
  return { url, shared: true, stop: async () => {} };
}

/** The environment that points @sanity/client (and so the site's loader) at a running lake. */
export function lakeEnv(url: string): Record<string, string> {
  return {
    SANITY_API_HOST: url,
    SANITY_PROJECT_ID: process.env.SANITY_PROJECT_ID ?? 'local',
    SANITY_DATASET: process.env.SANITY_DATASET ?? 'production',
    SANITY_USE_PROJECT_HOSTNAME: 'false',
  };
}
