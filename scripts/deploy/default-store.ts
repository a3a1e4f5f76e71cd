import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeWritable } from '../../lake/store/open-database.ts';
import { RELEASES_DB, type ReleaseStore, releaseStore } from './release-store.ts';

/** Where the project's release store is: NEWSROOM_RELEASES_DIR or .releases/. */
export function defaultReleasesDir(): string {
  return process.env.NEWSROOM_RELEASES_DIR ?? fileURLToPath(new URL('../../.releases/', import.meta.url));
}

/**
 * The project's release store: NEWSROOM_RELEASES_DIR or .releases/. A
 * directory it cannot make or write is named with the variable that moves it,
 * not left to mkdir's or SQLite's words (and, for `npm run releases`, a stack).
 */
export function defaultReleaseStore(): ReleaseStore {
  const dir = defaultReleasesDir();
  try {
    makeWritable(dir, join(dir, RELEASES_DB));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw Object.assign(new Error(`The release store ${dir} cannot be written: ${why}.`, { cause: error }), {
      name: 'ReleaseStoreNotWritable',
      hint: 'Let this user write there, or set NEWSROOM_RELEASES_DIR to a directory it can write.',
    });
  }
  return releaseStore(dir);
}

/** The project's release store if a deploy ever made one, without creating it. */
export function existingReleaseStore(): ReleaseStore | undefined {
  return existsSync(join(defaultReleasesDir(), RELEASES_DB)) ? defaultReleaseStore() : undefined;
}
