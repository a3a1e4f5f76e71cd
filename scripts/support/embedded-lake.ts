// The embedded default: with no SANITY_API_HOST, commands start a lake on
// loopback themselves, seeding it from content/ the first time, so a fresh
// clone needs no account, no network and nothing already running.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ChildLake, startChildLake } from './child-lake.ts';
import { runNodeScript } from './run-node.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const IMPORT_ENTRY = fileURLToPath(new URL('../import.ts', import.meta.url));

export type EmbeddedLakeOptions = {
  /** Default: LAKE_DIR or .lake in the project. */
  dataDir?: string;
  /** What a fresh lake is seeded with. Default: content/. */
  seedDir?: string;
  port?: number;
};

export function defaultLakeDir(): string {
  return process.env.LAKE_DIR ?? `${ROOT}.lake`;
}

/** Starts the embedded lake, seeding it first if its data directory does not exist yet. */
export async function startEmbeddedLake(options: EmbeddedLakeOptions = {}): Promise<ChildLake> {
  const dataDir = options.dataDir ?? defaultLakeDir();
  if (!existsSync(dataDir)) {
    const seedDir = options.seedDir ?? `${ROOT}content`;
    console.log(`First run: seeding the embedded lake in ${dataDir} from ${seedDir}`);
    await runNodeScript(IMPORT_ENTRY, [seedDir, '--data-dir', dataDir]);
  }
  return startChildLake({ dataDir, port: options.port });
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
