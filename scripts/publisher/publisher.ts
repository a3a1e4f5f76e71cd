// The publisher service: webhooks in, live releases out. Verified changes are
// coalesced into batches, published one batch at a time over the live release,
// and each deploy is reported to editors through the lake. Scheduled publish
// and take-down times trigger publishes of their own. The changes of a
// publish that does not go live are carried into the next one.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { SanityClient } from '@sanity/client';
import type { ReleaseStore } from '../deploy/release-store.ts';
import { buildProblems, outputTail } from './build-problems.ts';
import { buildQueue } from './build-queue.ts';
import { BuildFailed, buildRunner } from './build-runner.ts';
import { type Change, coalescer } from './coalescer.ts';
import { deployStatus } from './deploy-status.ts';
import { type PublishResult, publishOnce } from './publish-once.ts';
import { retryWhenUnreachable } from './retry-unreachable.ts';
import { scheduler } from './schedule.ts';
import { unfinishedChanges } from './unfinished-changes.ts';
import { startWebhookServer, type WebhookServer } from './webhook-server.ts';

export type PublisherOptions = {
  store: ReleaseStore;
  /** Reads schedules and writes deployment status; a token that may write. */
  client: SanityClient;
  secret: string;
  workDir: string;
  cacheDir: string;
  /** Environment for builds (SANITY_* pointing at the content host, SITE_URL...). */
  buildEnv: Record<string, string | undefined>;
  siteOrigin?: string;
  host?: string;
  port?: number;
  quietMs?: number;
  maxWaitMs?: number;
  /** First wait before a publish the content host did not answer is tried again (doubling to a minute). */
  retryMs?: number;
  log?: (line: string) => void;
};

export type PublishRecord = {
  runId: string;
  changes: Change[];
  startedAt: number;
  finishedAt?: number;
  result?: Omit<PublishResult, 'revisions' | 'manifest' | 'skipped'> & { releaseId: string };
  error?: string;
};

export type Publisher = {
  webhooks: WebhookServer;
  /** Publishes now, outside any batch (start-up, manual). */
  publishNow(reason: string): void;
  history(): readonly PublishRecord[];
  idle(): Promise<void>;
  close(): Promise<void>;
};

export async function startPublisher(options: PublisherOptions): Promise<Publisher> {
  const log = options.log ?? ((line: string) => console.log(`publisher: ${line}`));
  const status = deployStatus(options.client);
  const builder = buildRunner();
  const history: PublishRecord[] = [];
  // What earlier publishes that failed or never finished were for goes into the next one.
  const unfinished = unfinishedChanges(join(options.workDir, 'unfinished-changes.json'));

  const queue = buildQueue(
    async (batch) => {
      const changes = unfinished.with(batch);
      const record: PublishRecord = { runId: runId(), changes, startedAt: Date.now() };
      history.push(record);
      if (history.length > 200) history.shift();
      // Manual and start-up publishes name no document.
      const ids = [...new Set(changes.filter((c) => c.operation !== 'manual').map((c) => c.id))];
      await status.building(record.runId, ids).catch((e: unknown) => log(`could not record the build: ${e}`));
      // The build succeeds while skipping invalid documents: its warnings say
      // why in the log, and the deployment document lists them for editors.
      const problems = buildProblems();
      const reportProblems = () => {
        const lines = problems.lines();
        for (const line of lines) log(`build: ${line}`);
        return lines;
      };
      try {
        const result = await publishOnce({
          store: options.store,
          builder,
          workDir: options.workDir,
          cacheDir: options.cacheDir,
          env: options.buildEnv,
          changedIds: ids,
          siteOrigin: options.siteOrigin,
          onOutput: problems.onOutput,
        });
        reportProblems();
        unfinished.done();
        retry.succeeded();
        record.finishedAt = Date.now();
        record.result = {
          releaseId: result.manifest.id,
          rendered: result.rendered,
          removed: result.removed,
          buildSeconds: result.buildSeconds,
        };
        const { skipped } = result;
        log(
          `release ${result.manifest.id} live: ${result.rendered} page(s) rendered, ${result.removed.length} removed, ` +
            `${((record.finishedAt - record.startedAt) / 1000).toFixed(1)} s after the batch (${ids.length} change(s))` +
            (skipped.length ? `; ${skipped.length} invalid document(s) left out, listed above` : ''),
        );
        await status
          .live(record.runId, result.manifest.id, result.revisions, skipped)
          .catch((e: unknown) => log(`could not record the deploy: ${e}`));
      } catch (error) {
        record.finishedAt = Date.now();
        record.error = (error as Error).message;
        const shown = new Set(reportProblems());
        // What led up to the failure (a strict build's list of bad documents, a stack).
        const tail = error instanceof BuildFailed ? outputTail(error.output, shown) : [];
        if (tail.length) log(`the failed build's output (last ${tail.length} line(s)):`);
        for (const line of tail) log(`build: ${line}`);
        const skipped = error instanceof BuildFailed ? error.skipped : [];
        await status.failed(record.runId, record.error, skipped).catch(() => undefined);
        throw error;
      } finally {
        // From when this publish began: an instant that passed while it ran may be one its build missed.
        schedule.refresh(record.startedAt).catch((e: unknown) => log(`could not read the schedule: ${e}`));
      }
    },
    (error) => {
      const e = error as Error & { hint?: string };
      log(`publish failed, the live site is unchanged: ${e.message}${e.hint ? `\n  ${e.hint}` : ''}`);
      retry.failed(error);
    },
  );
  const retry = retryWhenUnreachable({
    publish: () => queue.submit([{ id: 'retry', operation: 'manual', receivedAt: Date.now() }]),
    log,
    firstDelayMs: options.retryMs,
  });
  const batches = coalescer({
    quietMs: options.quietMs ?? 300,
    maxWaitMs: options.maxWaitMs ?? 3000,
    onBatch: (changes) => queue.submit(changes),
  });
  const schedule = scheduler(options.client, (ids) => {
    log(`scheduled time reached for ${ids.join(', ')}`);
    queue.submit(ids.map((id) => ({ id, operation: 'scheduled', receivedAt: Date.now() })));
  });
  const webhooks = await startWebhookServer({
    secret: options.secret,
    host: options.host,
    port: options.port,
    onChange: (change) => batches.add(change),
    onRefused: log,
    status: () => ({
      running: queue.running(),
      pending: batches.pending(),
      next: schedule.next(),
      history: history.slice(-20),
    }),
  });
  await schedule.refresh().catch((e: unknown) => log(`could not read the schedule: ${e}`));

  return {
    webhooks,
    publishNow: (reason) => queue.submit([{ id: reason, operation: 'manual', receivedAt: Date.now() }]),
    history: () => history,
    idle: async () => {
      batches.flush();
      await queue.idle();
    },
    close: async () => {
      batches.stop();
      schedule.stop();
      retry.stop();
      await queue.idle();
      await webhooks.close();
      await builder.close();
    },
  };
}

function runId(): string {
  return `${new Date()
    .toISOString()
    .replace(/[-:.Z]/g, '')
    .toLowerCase()}-${randomBytes(2).toString('hex')}`;
}
