// The manifest the edge serves, re-read the moment the live release changes.
// The live id is one indexed row, read per request (microseconds), so "after
// a switch, nothing stale" holds whether the switch happened in this process
// or another, with no signalling. The redirects of former story addresses go
// with it: the store's history of story paths only grows when a deploy makes
// a release live, so it is read again exactly when the live id changes.
import type { ReleaseManifest } from '../deploy/manifest.ts';
import type { ReleaseStore } from '../deploy/release-store.ts';
import { storyRedirects } from '../deploy/story-redirects.ts';

export type Live = { manifest: ReleaseManifest; redirects: ReadonlyMap<string, string> };
export type LiveRelease = { current(): Live | undefined };

export function liveRelease(store: ReleaseStore): LiveRelease {
  let seenId: string | undefined;
  let live: Live | undefined;
  return {
    current: () => {
      const id = store.liveId();
      if (id !== seenId) {
        const manifest = id ? store.readManifest(id) : undefined;
        live = manifest && { manifest, redirects: storyRedirects(store.storyPathHistory(), manifest) };
        seenId = id;
      }
      return live;
    },
  };
}
