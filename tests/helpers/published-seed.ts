// The publisher with real parts, as its tests need it: the seed in a lake over
// HTTP, real builds into a release store, the edge serving the live release,
// and webhooks signed the way Sanity signs them. The site is live on return.
import { join } from 'node:path';
import { encodeSignatureHeader } from '@sanity/webhook';
import { type Lake, startLake } from '../../lake/index.ts';
import { type ReleaseStore, releaseStore } from '../../scripts/deploy/release-store.ts';
import { type Edge, startEdge } from '../../scripts/edge/edge-server.ts';
import { type Publisher, startPublisher } from '../../scripts/publisher/publisher.ts';
import { lakeClient, tempDir } from './lake.ts';
import { ROOT } from './site-build.ts';

export type PublishedSeed = {
  lake: Lake;
  editor: ReturnType<typeof lakeClient>;
  store: ReleaseStore;
  publisher: Publisher;
  edge: Edge;
  /** POSTs `body` to the publisher's webhook, signed with the right secret at `signedAt` unless `sign` is false. */
  webhook(
    body: object,
    options?: { sign?: boolean; signedAt?: number; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
};

export async function startPublishedSeed(options: {
  name: string;
  quietMs: number;
  maxWaitMs: number;
  /** Extra build environment (e.g. to override NEWSROOM_STRICT). */
  buildEnv?: Record<string, string | undefined>;
  /** The publisher's log lines; silent by default. */
  log?: (line: string) => void;
}): Promise<PublishedSeed> {
  const secret = `${options.name}-test-secret`;
  const lake = await startLake({ dataDir: tempDir(`${options.name}-lake-`), onError: () => {} });
  await lake.import(join(ROOT, 'content'));
  const token = lake.tokens.create({ name: 'publisher', role: 'editor' }).token;
  const editor = lakeClient(lake, { token });
  const store = releaseStore(tempDir(`${options.name}-releases-`));
  const publisher = await startPublisher({
    store,
    client: editor,
    secret,
    workDir: tempDir(`${options.name}-work-`),
    cacheDir: tempDir(`${options.name}-cache-`),
    buildEnv: {
      SANITY_API_HOST: lake.url,
      SANITY_PROJECT_ID: lake.projectId,
      SANITY_DATASET: 'production',
      SANITY_TOKEN: token,
      ...options.buildEnv,
    },
    quietMs: options.quietMs,
    maxWaitMs: options.maxWaitMs,
    log: options.log ?? (() => {}),
  });
  const edge = await startEdge({ store });
  publisher.publishNow('start-up');
  await publisher.idle();
  return {
    lake,
    editor,
    store,
    publisher,
    edge,
    webhook: async (body, { sign = true, signedAt = Date.now(), headers = {} } = {}) => {
      const raw = JSON.stringify(body);
      const all: Record<string, string> = { 'content-type': 'application/json', ...headers };
      if (sign) all['sanity-webhook-signature'] = await encodeSignatureHeader(raw, signedAt, secret);
      return fetch(`${publisher.webhooks.url}/webhooks/sanity`, { method: 'POST', headers: all, body: raw });
    },
    close: async () => {
      await publisher.close();
      await edge.close();
      await lake.close();
    },
  };
}
