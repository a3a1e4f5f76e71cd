// The manifest the edge serves, re-read the moment the live release changes.
// The live id is one indexed row, read per request (microseconds), so "after
// a switch, nothing stale" holds whether the switch happened in this process
// or another, with no signalling.
import type { ReleaseManifest } from '../deploy/manifest.ts';
import type { ReleaseStore } from '../deploy/release-store.ts';

export type LiveRelease = { current(): ReleaseManifest | undefined };

export function liveRelease(store: ReleaseStore): LiveRelease {
  let seenId: string | undefined;
  let manifest: ReleaseManifest | undefined;
  return {
    current: () => {
      const id = store.liveId();
      if (id !== seenId) {
        manifest = id ? store.readManifest(id) : undefined;
        seenId = id;
      }
      return manifest;
    },
  };
}
