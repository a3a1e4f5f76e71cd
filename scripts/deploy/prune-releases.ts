// Retention for the release store: which releases are kept for rollback, and
// dropping everything else, including every blob (and its extracted links) no
// kept release names. A blob one deploy has stored but not yet named in a
// manifest looks unused here, which is why prunes run under the deploy lock
// (see deploy-lock.ts); rollbacks take it too, because a release made live
// after `live` was read below would be deleted.
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../../lake/store/open-database.ts';
import type { ReleaseManifest } from './manifest.ts';

export type PruneOptions = {
  /** Every release in the store, oldest first. */
  releases: readonly ReleaseManifest[];
  /** The live release, kept however old it is. */
  live: string | undefined;
  /** How many of the newest releases to keep. */
  keep: number;
  /** The store's in-memory links per page hash, forgotten with their blobs. */
  linkCache: Map<string, string[]>;
};

/** Keeps the newest `keep` releases (and the live one) and the blobs they use, deleting the rest. */
export function pruneReleases(db: DatabaseSync, options: PruneOptions): { releases: number; blobs: number } {
  const { releases: all, live, keep, linkCache } = options;
  const kept = new Set(all.slice(-keep).map((r) => r.id));
  if (live) kept.add(live);
  const removed = all.filter((r) => !kept.has(r.id));
  const used = new Set(all.filter((r) => kept.has(r.id)).flatMap((r) => Object.values(r.files).map((f) => f.hash)));
  let blobs = 0;
  inTransaction(db, () => {
    for (const r of removed) db.prepare('DELETE FROM release WHERE id = ?').run(r.id);
    // Rollback only asks what was live before a kept release went live.
    db.prepare('DELETE FROM switch WHERE to_id NOT IN (SELECT id FROM release)').run();
    const stored = db.prepare(`SELECT hash FROM blob WHERE encoding = ''`).all() as { hash: string }[];
    const drop = db.prepare('DELETE FROM blob WHERE hash = ?');
    const dropLinks = db.prepare('DELETE FROM page_links WHERE hash = ?');
    for (const { hash } of stored) {
      if (used.has(hash)) continue;
      drop.run(hash);
      dropLinks.run(hash);
      blobs++;
    }
    for (const key of linkCache.keys()) if (!used.has(key.split(':').at(-1) as string)) linkCache.delete(key);
  });
  return { releases: removed.length, blobs };
}
