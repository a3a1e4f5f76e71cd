import { fileURLToPath } from 'node:url';
import { type ReleaseStore, releaseStore } from './release-store.ts';

/** The project's release store: NEWSROOM_RELEASES_DIR or .releases/. */
export function defaultReleaseStore(): ReleaseStore {
  return releaseStore(process.env.NEWSROOM_RELEASES_DIR ?? fileURLToPath(new URL('../../.releases/', import.meta.url)));
}
