// Switches the live pointer back to the release that was live before the live
// one was deployed, following the store's record of switches: after deploy A,
// deploy B, rollback (A), deploy C, a rollback returns to A, not to B, the
// release created just before C that the operator had already rolled away from.
import type { ReleaseManifest } from './manifest.ts';
import type { ReleaseStore } from './release-store.ts';

export function rollback(store: ReleaseStore, to?: string): { from?: string; to: ReleaseManifest } {
  const live = store.liveId();
  const target = to ?? previousOf(store, live);
  store.rollBackTo(target);
  return { from: live, to: store.readManifest(target) };
}

function previousOf(store: ReleaseStore, live: string | undefined): string {
  if (!live) throw new Error('No release is live, so there is nothing to roll back from.');
  const before = store.liveBefore(live);
  if (before === null) throw new Error('There is no earlier release to roll back to.');
  if (before === undefined) return createdBefore(store, live);
  // Pruned since: the store keeps the newest releases, not the history.
  if (!store.summaries().some((r) => r.id === before)) {
    throw new Error(
      `The release live before ${live}, ${before}, is no longer kept. Name one to roll back to: see \`npm run releases\`.`,
    );
  }
  return before;
}

/** For a live release deployed before switches were recorded: the one created just before it. */
function createdBefore(store: ReleaseStore, live: string): string {
  // Only ids and times: parsing every kept manifest (12k files each) took a
  // large site's rollback from milliseconds to hundreds of them.
  const releases = store.summaries();
  const earlier = releases
    .slice(
      0,
      Math.max(
        0,
        releases.findIndex((r) => r.id === live),
      ),
    )
    .at(-1);
  if (!earlier) throw new Error('There is no earlier release to roll back to.');
  return earlier.id;
}
