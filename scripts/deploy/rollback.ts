// Switches the live pointer back to the release deployed before the live one.
import type { ReleaseManifest } from './manifest.ts';
import type { ReleaseStore } from './release-store.ts';

export function rollback(store: ReleaseStore, to?: string): { from?: string; to: ReleaseManifest } {
  // Only ids and times: parsing every kept manifest (12k files each) took a
  // large site's rollback from milliseconds to hundreds of them.
  const releases = store.summaries();
  const live = store.liveId();
  const target = to
    ? releases.find((r) => r.id === to)
    : releases
        .slice(
          0,
          Math.max(
            0,
            releases.findIndex((r) => r.id === live),
          ),
        )
        .at(-1);
  if (!target) {
    throw new Error(
      to ? `There is no release ${to}. See \`npm run releases\`.` : 'There is no earlier release to roll back to.',
    );
  }
  store.setLive(target.id);
  return { from: live, to: store.readManifest(target.id) };
}
