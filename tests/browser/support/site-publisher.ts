// The publish half of `npm start` beside a browser test's lake: the publisher
// (webhooks in, builds, deploys, deployment documents for the Studio) and the
// local edge serving the live release, with a release store, work and cache
// folders of their own. The lake calls the publisher through the same signed
// webhook npm start registers; the first release is built before the test.
import { randomBytes } from 'node:crypto';
import { releaseStore } from '../../../scripts/deploy/release-store.ts';
import { type Edge, startEdge } from '../../../scripts/edge/edge-server.ts';
import { type Publisher, startPublisher } from '../../../scripts/publisher/publisher.ts';
import { publisherWebhook } from '../../../scripts/support/publisher-service.ts';
import { tempDir } from '../../helpers/site-build.ts';
import type { StudioHarness } from './studio-harness.ts';

export type SitePublisher = {
  publisher: Publisher;
  edge: Edge;
  /** The edge's answer for `path`: status and body. */
  page(path: string): Promise<{ status: number; html: string }>;
  close(): Promise<void>;
};

export async function startSitePublisher(studio: StudioHarness, log: (line: string) => void): Promise<SitePublisher> {
  const { lake } = studio;
  const token = lake.tokens.create({ name: 'publisher', role: 'editor' }).token;
  const store = releaseStore(tempDir('newsroom-browser-releases-'));
  const secret = randomBytes(24).toString('base64url');
  const edge = await startEdge({ store });
  const publisher = await startPublisher({
    store,
    client: studio.client({ token }),
    secret,
    workDir: tempDir('newsroom-browser-publisher-work-'),
    cacheDir: tempDir('newsroom-browser-publisher-cache-'),
    // Builds read the lake over its loopback HTTP listener, as npm start's do.
    buildEnv: {
      SANITY_API_HOST: lake.httpUrl,
      SANITY_PROJECT_ID: lake.projectId,
      SANITY_DATASET: lake.defaultDataset,
    },
    log: (line) => log(`publisher: ${line}`),
  });
  lake.webhooks.add(publisherWebhook({ publisherUrl: publisher.webhooks.url, dataset: lake.defaultDataset, secret }));
  publisher.publishNow('start-up');
  await publisher.idle();
  if (!store.liveId()) {
    await Promise.all([publisher.close(), edge.close()]);
    throw new Error(`The first build failed: ${publisher.history().at(-1)?.error}`);
  }
  return {
    publisher,
    edge,
    async page(path) {
      const res = await fetch(`${edge.url}${path}`);
      return { status: res.status, html: await res.text() };
    },
    async close() {
      await publisher.close();
      await edge.close();
      store.close();
    },
  };
}
