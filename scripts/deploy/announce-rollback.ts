// After `npm run rollback`, tells editors which story versions readers see
// again: a live deployment document in the lake the publisher reports to, so
// the Studio's deploy status follows the rollback instead of showing the
// rolled-away versions as live. The switch itself never waits on this.
import { runningLake } from '../../lake/index.ts';
import { hostUnreachable } from '../../site/lib/content/fetch-pages.ts';
import { contentClient } from '../../site/lib/sanity/client.ts';
import { readContentConfig } from '../../site/lib/sanity/config.ts';
import { recordRollback } from '../publisher/deploy-status.ts';
import { revisionsOf } from '../publisher/publish-once.ts';
import { defaultLakeDir } from '../support/embedded-lake.ts';
import { lakeClient } from '../support/lake-client.ts';
import { withLakeToken } from '../support/lake-token.ts';
import type { ReleaseManifest } from './manifest.ts';

/** What happened, as a line for the operator. */
export async function announceRollback(to: ReleaseManifest, from: string | undefined): Promise<string> {
  const revisions = revisionsOf(to);
  if (!revisions) {
    return `Release ${to.id} records no story revisions (the publisher did not deploy it), so the Studio's deploy status was not changed.`;
  }
  const release = { id: to.id, revisions };
  if (process.env.SANITY_API_HOST) {
    const config = readContentConfig();
    if (!config.token) return 'SANITY_TOKEN is not set, so the Studio’s deploy status was not changed.';
    const id = await recordRollback(contentClient(config), release, from).catch((error: unknown) => {
      throw hostUnreachable(error, config) ?? error;
    });
    return written(id);
  }
  const dataDir = defaultLakeDir();
  const lake = runningLake(dataDir);
  if (!lake) return 'No lake is running here, so the Studio’s deploy status changes with the next publish.';
  return withLakeToken(dataDir, { name: 'rollback', role: 'editor' }, async (token) =>
    written(await recordRollback(lakeClient(lake.httpUrl ?? lake.url, lake.projectId, token), release, from)),
  );
}

const written = (id: string) => `The Studio shows the rolled-back versions as live (${id}).`;
