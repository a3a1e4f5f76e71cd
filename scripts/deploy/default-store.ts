import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RELEASES_DB, type ReleaseStore, releaseStore } from './release-store.ts';

/** Where the project's release store is: NEWSROOM_RELEASES_DIR or .releases/. */
export function defaultReleasesDir(): string {
  return process.env.NEWSROOM_RELEASES_DIR ?? fileURLToPath(new URL('../../.releases/', import.meta.url));
}

/** The project's release store: NEWSROOM_RELEASES_DIR or .releases/. */
export function defaultReleaseStore(): ReleaseStore {
  return releaseStore(defaultReleasesDir());
}

/** The project's release store if a deploy ever made one, without creating it. */
export function existingReleaseStore(): ReleaseStore | undefined {
  return existsSync(join(defaultReleasesDir(), RELEASES_DB)) ? defaultReleaseStore() : undefined;
}
