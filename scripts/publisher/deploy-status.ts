// Tells editors where their stories stand by writing each deploy back to the
// content lake as a `deployment` document: building, live (with the content
// revisions the release contains) or failed (with the reason), with the
// documents the build left out as invalid. The Studio reads these next to
// each story. Old ones are pruned.
import type { SanityClient } from '@sanity/client';
import type { SkippedDocument } from '../../site/lib/content/document-problems.ts';

export const DEPLOYMENT_TYPE = 'deployment';

export type DeploymentDocument = {
  _id: string;
  _type: typeof DEPLOYMENT_TYPE;
  status: 'building' | 'live' | 'failed';
  startedAt: string;
  finishedAt?: string;
  releaseId?: string;
  /** The documents this deploy was for. */
  changedIds: string[];
  /** Story id → published revision, for every story the live release shows. */
  revisions?: Record<string, string>;
  error?: string;
  /** Documents the build skipped as invalid (so not on the site), each with its first problem. */
  skipped?: (SkippedDocument & { _key: string })[];
  /** Set when an operator rolled back to an earlier release: the release that was live before. */
  rolledBackFrom?: string;
};

export type DeployStatus = {
  building(runId: string, changedIds: readonly string[]): Promise<void>;
  live(runId: string, releaseId: string, revisions: Record<string, string>, skipped?: SkippedDocument[]): Promise<void>;
  failed(runId: string, error: string, skipped?: SkippedDocument[]): Promise<void>;
};

export function deployStatus(client: SanityClient, keep = 20): DeployStatus {
  const id = (runId: string) => `deployment-${runId}`;
  return {
    building: async (runId, changedIds) => {
      await client.createOrReplace<DeploymentDocument>({
        _id: id(runId),
        _type: DEPLOYMENT_TYPE,
        status: 'building',
        startedAt: new Date().toISOString(),
        changedIds: [...changedIds],
      });
    },
    live: async (runId, releaseId, revisions, skipped = []) => {
      await client
        .patch(id(runId))
        .set({ status: 'live', releaseId, revisions, skipped: keyed(skipped), finishedAt: new Date().toISOString() })
        .commit();
      await prune(client, keep);
    },
    failed: async (runId, error, skipped = []) => {
      await client
        .patch(id(runId))
        .set({
          status: 'failed',
          error: error.slice(0, 2000),
          skipped: keyed(skipped),
          finishedAt: new Date().toISOString(),
        })
        .commit();
    },
  };
}

/**
 * After `npm run rollback`: the earlier release is live again, so its story
 * revisions are what readers see. Recorded as a live deployment that concerns
 * every story (no changed ids), so a story whose newer version was rolled
 * away shows as not live, and the others stay live.
 */
export async function recordRollback(
  client: SanityClient,
  release: { id: string; revisions: Record<string, string> },
  from: string | undefined,
  keep = 20,
): Promise<string> {
  const now = new Date().toISOString();
  const _id = `deployment-rollback-${now.replace(/[^0-9]/g, '')}`;
  await client.createOrReplace<DeploymentDocument>({
    _id,
    _type: DEPLOYMENT_TYPE,
    status: 'live',
    startedAt: now,
    finishedAt: now,
    releaseId: release.id,
    changedIds: [],
    revisions: release.revisions,
    ...(from ? { rolledBackFrom: from } : {}),
  });
  await prune(client, keep);
  return _id;
}

async function prune(client: SanityClient, keep: number): Promise<void> {
  const old = await client.fetch<string[]>(`*[_type == $type] | order(startedAt desc) [$keep...100000]._id`, {
    type: DEPLOYMENT_TYPE,
    keep,
  });
  if (old.length === 0) return;
  const tx = client.transaction();
  for (const docId of old) tx.delete(docId);
  await tx.commit();
}

/** Array items in a Sanity document carry a _key. */
function keyed(skipped: readonly SkippedDocument[]): (SkippedDocument & { _key: string })[] {
  return skipped.map((doc, i) => ({ _key: `skipped-${i}`, ...doc }));
}
