// Switches the live pointer back to the release that was live before the live
// one was deployed, following the store's record of switches: after deploy A,
// deploy B, rollback (A), deploy C, a rollback returns to A, not to B, the
// release created just before C that the operator had already rolled away from.
//
// It holds the deploy lock, as deploys do: a deploy's prune deletes releases
// it did not see live, so a switch made beside it could go to a release the
// prune was deleting, leaving the live release's files gone.
import { type DeployLockOptions, withDeployLock } from './deploy-lock.ts';
import type { ReleaseManifest } from './manifest.ts';
import type { ReleaseStore } from './release-store.ts';

export type RollbackResult = { from?: string; to: ReleaseManifest };

/** Rolls back once no deploy (or other rollback) to the store is under way, waiting for one that is. */
export function rollback(store: ReleaseStore, to?: string, options: DeployLockOptions = {}): Promise<RollbackResult> {
  return withDeployLock(store.root, async () => rollbackLocked(store, to), options);
}

// The target is chosen under the lock too: a prune may drop the release it names.
function rollbackLocked(store: ReleaseStore, to: string | undefined): RollbackResult {
  const live = store.liveId();
  const target = to ?? previousOf(store, live);
  // Naming the live release changes nothing, and is not recorded as a switch.
  if (target !== live) store.rollBackTo(target);
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
