// The site as an `npm start` service: the publisher and the local CDN edge.
// The lake tells the publisher about every published change through a signed
// webhook (registered here, with a fresh secret, each start); the publisher
// builds what changed and deploys it; the edge serves the live release. The
// first publish runs at start. A build that fails does not stop the newsroom:
// editors still get the Studio to fix the content, and the edge keeps serving
// the last good release (or says none is live yet).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@sanity/client';
import {
  addWebhook,
  createToken,
  openDatabase,
  removeWebhook,
  revokeToken,
  type WebhookDefinition,
} from '../../lake/index.ts';
import { defaultReleaseStore } from '../deploy/default-store.ts';
import { startEdge } from '../edge/edge-server.ts';
import { startPublisher } from '../publisher/publisher.ts';
import type { Service } from './services.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the site is built from: a change to any of these may change a page. */
export const CONTENT_TYPES = ['story', 'person', 'section', 'quote', 'siteSettings', 'sanity.imageAsset'];
/** What the publisher needs to know of a change; `breaking` skips the batching wait. */
export const WEBHOOK_PROJECTION = '{_id, _type, _rev, breaking}';

/** The lake's webhook to a publisher listening at `publisherUrl`: every published change to site content, signed. */
export function publisherWebhook(options: {
  publisherUrl: string;
  dataset: string;
  secret: string;
}): WebhookDefinition {
  return {
    name: 'publisher',
    description: 'npm start: rebuild and deploy the site when published content changes',
    url: `${options.publisherUrl}/webhooks/sanity`,
    dataset: options.dataset,
    rule: {
      on: ['create', 'update', 'delete'],
      filter: `_type in ${JSON.stringify(CONTENT_TYPES)}`,
      projection: WEBHOOK_PROJECTION,
    },
    secret: options.secret,
  };
}

export type PublisherServiceOptions = {
  /** The edge's port. Default 4321; 0 picks a free port. */
  port: number;
  /** The publisher's webhook port (loopback only). 0 picks a free port. */
  publisherPort: number;
  /** Build work and caches. Default: .cache/publisher/ in the project. */
  workDir?: string;
  log?: (line: string) => void;
};

export function publisherService(options: PublisherServiceOptions): Service {
  const log = options.log ?? ((line: string) => console.log(line));
  return {
    name: 'site',
    async start(env) {
      const lakeDir = env.LAKE_DIR;
      if (!lakeDir || !env.SANITY_API_HOST) throw new Error('The site needs the lake started first.');
      const workDir = options.workDir ?? process.env.NEWSROOM_PUBLISHER_DIR ?? join(ROOT, '.cache/publisher');
      const secret = randomBytes(24).toString('base64url');
      const db = openDatabase(lakeDir);
      // One publisher token at a time: the last start's is revoked.
      revokeToken(db, 'publisher');
      const token = createToken(db, { name: 'publisher', role: 'editor' }).token;
      const store = defaultReleaseStore();
      const edge = await startEdge({ store, port: options.port });
      const publisher = await startPublisher({
        store,
        client: createClient({
          projectId: env.SANITY_PROJECT_ID ?? 'local',
          dataset: env.SANITY_DATASET ?? 'production',
          apiHost: env.SANITY_API_HOST,
          useProjectHostname: false,
          apiVersion: '2025-02-19',
          useCdn: false,
          token,
        }),
        secret,
        workDir: join(workDir, 'work'),
        cacheDir: join(workDir, 'astro'),
        // Only where to read content from: the services' other variables (a login token) stay out of builds.
        buildEnv: Object.fromEntries(Object.entries(env).filter(([key]) => /^(SANITY_|LAKE_)/.test(key))),
        port: options.publisherPort,
        log: (line) => log(`publisher: ${line}`),
      });
      removeWebhook(db, 'publisher');
      addWebhook(
        db,
        publisherWebhook({ publisherUrl: publisher.webhooks.url, dataset: env.SANITY_DATASET ?? 'production', secret }),
      );
      db.close();

      publisher.publishNow('start-up');
      await publisher.idle();
      const last = publisher.history().at(-1);
      const note = last?.result
        ? ` (release ${last.result.releaseId})`
        : store.liveId()
          ? ' (the last good release: this start’s build failed, see above)'
          : ' (nothing built yet: the first build failed, see above)';
      const url = edge.url.replace('127.0.0.1', 'localhost');
      return {
        summary: [`Site: ${url}/${note}`, `Publisher: ${publisher.webhooks.url}/status (rebuilds on every publish)`],
        env: { SITE_EDGE_URL: url },
        stop: async () => {
          await publisher.close();
          await edge.close();
          store.close();
        },
      };
    },
  };
}
