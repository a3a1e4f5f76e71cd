// Webhooks when the lake's SQLite file refuses writes after a commit (a full
// disk; here `PRAGMA query_only`, which fails writes the same way and can be
// lifted again): the lake stays up, and no delivery is lost. A transaction
// whose deliveries could not be stored is planned again with the next commit,
// or on its own a few seconds later; an attempt that could not be recorded
// goes again after a backoff, not in a tight loop.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LakeStore } from '../../lake/index.ts';
import type { LakeDocument } from '../../lake/store/document.ts';
import type { CommitInput } from '../../lake/store/lake-store.ts';
import { webhookOptionsSchema } from '../../lake/webhooks/webhook-options.ts';
import { startWebhookService, type WebhookService } from '../../lake/webhooks/webhook-service.ts';
import { tempDir } from '../helpers/lake.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.ts';

let dir: string;
let store: LakeStore;
let service: WebhookService;
let receiver: WebhookReceiver;
const logged: string[] = [];

beforeEach(async () => {
  dir = tempDir('lake-webhook-writes-');
  store = new LakeStore(dir);
  receiver = await startWebhookReceiver();
  logged.length = 0;
  service = startWebhookService({
    store,
    projectId: 'local',
    settings: webhookOptionsSchema.parse({
      initialBackoffMs: 150,
      maxBackoffMs: 1_200,
      log: (line: string) => logged.push(line),
    }),
    logError: (message) => logged.push(message),
  });
  service.add({
    name: 'publisher',
    url: receiver.url,
    dataset: 'production',
    rule: { on: ['create', 'update', 'delete'], filter: '_type == "story"', projection: '{_id, headline}' },
  });
  // Let the service's start-up catch-up run first.
  await new Promise((resolve) => setTimeout(resolve, 50));
});
afterEach(async () => {
  await service.close();
  store.close();
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

let serial = 0;
/** A transaction publishing a new story (`id` must not exist yet). */
function publication(id: string, headline: string): CommitInput {
  serial++;
  const after: LakeDocument = { _id: id, _type: 'story', _rev: `rev-${serial}`, headline };
  return {
    dataset: 'production',
    transactionId: `tx-${serial}-${Date.now()}`,
    timestamp: new Date().toISOString(),
    identity: 'test',
    mutations: [],
    documents: [{ id, before: null, after }],
  };
}
const publish = (id: string, headline: string) => store.commit(publication(id, headline));

const writes = (allowed: boolean) => store.db.exec(`PRAGMA query_only = ${allowed ? 'OFF' : 'ON'}`);
const headlines = () => receiver.received.map((r) => (JSON.parse(r.body) as { headline: string }).headline);

describe('webhooks when writes fail', () => {
  it('plans a transaction whose deliveries could not be stored with the next commit, in order', async () => {
    publish('a', 'first');
    // Planning runs after the commit returns (off the request path): it now finds writes refused.
    writes(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logged).toEqual([
      expect.stringMatching(/^lake: planning webhook deliveries failed; they will be planned again/),
    ]);
    writes(true);
    publish('b', 'second');
    await receiver.waitFor(2);
    expect(headlines()).toEqual(['first', 'second']);
  });

  it('catches up once on a run of transactions committed together, as an import commits its batches', async () => {
    store.commitAll(['one', 'two', 'three', 'four', 'five'].map((headline) => publication(headline, headline)));
    writes(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The first planning fails; the four after it queue one catch-up, which fails too: two lines, not five.
    expect(logged).toHaveLength(2);
    writes(true);
    publish('six', 'six');
    await receiver.waitFor(6);
    expect(headlines()).toEqual(['one', 'two', 'three', 'four', 'five', 'six']);
  });

  it('plans it again on its own when no commit follows', async () => {
    publish('a', 'alone');
    writes(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    writes(true);
    expect(receiver.received).toEqual([]);
    await receiver.waitFor(1, 8_000);
    expect(headlines()).toEqual(['alone']);
  }, 15_000);

  it('sends an attempt it could not record again, backing off further each time, and the lake stays up', async () => {
    const release = receiver.hold((body) => body.includes('held'));
    publish('a', 'held');
    await receiver.held();
    writes(false);
    release(200);
    // Three attempts whose outcome cannot be recorded: each waits longer, as recorded failures would.
    await receiver.waitFor(3, 5_000);
    await expect.poll(() => logged.length).toBe(3);
    expect(logged.map((line) => /goes again in ([\d.]+) s$/.exec(line)?.[1])).toEqual(['0.2', '0.3', '0.6']);
    writes(true);
    const sent = await receiver.waitFor(4, 5_000);
    expect(new Set(sent.map((request) => request.headers['idempotency-key'])).size).toBe(1);
    const gaps = sent.slice(1).map((request, i) => request.at - (sent[i]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(140);
    expect(gaps[2]).toBeGreaterThanOrEqual(550);
    await expect.poll(() => service.deliveries()[0]?.status).toBe('delivered');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(receiver.received).toHaveLength(4);
  });
});
