// The publishing benchmark on a large site: how long from a webhook arriving
// to the edge serving the change, for one edited story at a time (with the
// full rebuild of the same site, measured in the same run, as the baseline),
// and how many builds a burst of 100 publishes in 10 s costs.
import { join } from 'node:path';
import { createClient } from '@sanity/client';
import { encodeSignatureHeader } from '@sanity/webhook';
import { startLake } from '../../lake/index.ts';
import { releaseStore } from '../deploy/release-store.ts';
import { rollback } from '../deploy/rollback.ts';
import { startEdge } from '../edge/edge-server.ts';
import { buildRunner } from '../publisher/build-runner.ts';
import { publishOnce } from '../publisher/publish-once.ts';
import { type Publisher, startPublisher } from '../publisher/publisher.ts';

export type PublishBenchResult = {
  stories: number;
  latencies: number[];
  fullRebuildSeconds: number;
  /** sentSeconds: until the last webhook was accepted; seconds: until the publisher was idle. */
  burst: { publishes: number; sentSeconds: number; seconds: number; builds: number; allLive: boolean };
  /** `npm run rollback`'s switch, and until the edge serves the earlier release's page. */
  rollback: { switchMs: number; servedMs: number };
};

const SECRET = 'bench-secret';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchPublishing(
  exportDir: string,
  seedDir: string,
  workDir: string,
  samples: number,
  log: (l: string) => void,
): Promise<PublishBenchResult> {
  const lake = await startLake({ dataDir: join(workDir, 'lake'), onError: () => {} });
  await lake.import(exportDir);
  await lake.import(seedDir, { mode: 'createIfNotExists' });
  const token = lake.tokens.create({ name: 'bench', role: 'editor' }).token;
  const client = createClient({
    projectId: lake.projectId,
    dataset: 'production',
    apiHost: lake.url,
    useProjectHostname: false,
    apiVersion: '2025-02-19',
    useCdn: false,
    token,
  });
  const store = releaseStore(join(workDir, 'releases'));
  const buildEnv = {
    SANITY_API_HOST: lake.url,
    SANITY_PROJECT_ID: lake.projectId,
    SANITY_DATASET: 'production',
    SANITY_TOKEN: token,
  };
  const cacheDir = join(workDir, 'cache');
  const publisher = await startPublisher({
    store,
    client,
    secret: SECRET,
    workDir: join(workDir, 'work'),
    cacheDir,
    buildEnv,
    log: () => {},
  });
  const edge = await startEdge({ store });
  try {
    log('publishing: first full build and deploy');
    publisher.publishNow('start-up');
    await publisher.idle();

    const ids = await client.fetch<{ _id: string; slug: string }[]>(
      `*[_type == "story" && dateTime(publishedAt) <= dateTime(now())] | order(_id) [0...200] {_id, "slug": slug.current}`,
    );
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const story = ids[(i * 7) % ids.length] as { _id: string; slug: string };
      const headline = `Latency probe ${i} ${Date.now()}`;
      await client.patch(story._id).set({ headline }).commit();
      const started = performance.now();
      await sendWebhook(publisher, story._id);
      await waitFor(`${edge.url}/story/${story.slug}`, headline);
      latencies.push((performance.now() - started) / 1000);
      log(`publishing: sample ${i + 1}/${samples}: ${latencies.at(-1)?.toFixed(2)} s`);
    }

    log('publishing: 100 publishes within 10 s');
    const buildsBefore = publisher.history().length;
    const burstStarted = performance.now();
    const burst = ids.slice(0, 100);
    const headlines = new Map<string, string>();
    // One publish every 100 ms on the clock, not after the last one returned:
    // a lake busy beside a build answers slowly, and the burst must still fit 10 s.
    const publishes: Promise<void>[] = [];
    for (const [i, story] of burst.entries()) {
      const headline = `Burst ${i} ${Date.now()}`;
      headlines.set(story.slug, headline);
      publishes.push(
        client
          .patch(story._id)
          .set({ headline })
          .commit()
          .then(() => sendWebhook(publisher, story._id)),
      );
      await sleep(Math.max(0, burstStarted + (i + 1) * 100 - performance.now()));
    }
    await Promise.all(publishes);
    const sentSeconds = (performance.now() - burstStarted) / 1000;
    await publisher.idle();
    const burstSeconds = (performance.now() - burstStarted) / 1000;
    const builds = publisher.history().length - buildsBefore;
    let allLive = true;
    for (const [slug, headline] of headlines) {
      const html = await (await fetch(`${edge.url}/story/${slug}`)).text();
      if (!html.includes(headline)) allLive = false;
    }

    // Rollback: the last burst edit goes away from the very next request.
    const [lastSlug, lastHeadline] = [...headlines].at(-1) as [string, string];
    const rollbackStarted = performance.now();
    await rollback(store);
    const switchMs = performance.now() - rollbackStarted;
    await waitForGone(`${edge.url}/story/${lastSlug}`, lastHeadline);
    const servedMs = performance.now() - rollbackStarted;

    // The baseline: the same site built and deployed whole, from empty caches
    // into an empty release store (nothing to build on).
    log('publishing: full rebuild of the same site (baseline)');
    const builder = buildRunner();
    const fullStarted = performance.now();
    await publishOnce({
      store: releaseStore(join(workDir, 'full-releases')),
      builder,
      workDir: join(workDir, 'full'),
      cacheDir: join(workDir, 'full-cache'),
      env: buildEnv,
      changedIds: [],
    });
    const fullRebuildSeconds = (performance.now() - fullStarted) / 1000;
    await builder.close();
    return {
      stories: ids.length,
      latencies,
      fullRebuildSeconds,
      burst: { publishes: burst.length, sentSeconds, seconds: burstSeconds, builds, allLive },
      rollback: { switchMs, servedMs },
    };
  } finally {
    await publisher.close();
    await edge.close();
    await lake.close();
  }
}

async function sendWebhook(publisher: Publisher, id: string): Promise<void> {
  const body = JSON.stringify({ _id: id, _type: 'story' });
  const res = await fetch(`${publisher.webhooks.url}/webhooks/sanity`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'sanity-webhook-signature': await encodeSignatureHeader(body, Date.now(), SECRET),
    },
    body,
  });
  if (res.status !== 202) throw new Error(`the publisher answered ${res.status}: ${await res.text()}`);
}

async function waitFor(url: string, text: string, timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const res = await fetch(url);
    if (res.ok && (await res.text()).includes(text)) return;
    await sleep(25);
  }
  throw new Error(`${url} never showed "${text}"`);
}

async function waitForGone(url: string, text: string, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (!(await (await fetch(url)).text()).includes(text)) return;
    await sleep(5);
  }
  throw new Error(`${url} still showed "${text}" after the rollback`);
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
