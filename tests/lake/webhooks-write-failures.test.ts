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
      initialBackoffMs: 300,
      maxBackoffMs: 300,
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
function publish(id: string, headline: string): void {
  serial++;
  const before = store.dataset('production')?.get(id) ?? null;
  const after: LakeDocument = { _id: id, _type: 'story', _rev: `rev-${serial}`, headline };
  store.commit({
    dataset: 'production',
    transactionId: `tx-${serial}-${Date.now()}`,
    timestamp: new Date().toISOString(),
    identity: 'test',
    mutations: [],
    documents: [{ id, before, after }],
  });
}

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

  it('plans it again on its own when no commit follows', async () => {
    publish('a', 'alone');
    writes(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    writes(true);
    expect(receiver.received).toEqual([]);
    await receiver.waitFor(1, 8_000);
    expect(headlines()).toEqual(['alone']);
  }, 15_000);

  it('sends an attempt it could not record again after a backoff, and the lake stays up', async () => {
    const release = receiver.hold((body) => body.includes('held'));
    publish('a', 'held');
    await receiver.waitFor(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    writes(false);
    release(200);
    await receiver.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logged).toEqual([
      expect.stringMatching(/could not be recorded: .*it stays pending and goes again in 0\.3 s$/),
    ]);
    writes(true);
    const [first, again] = await receiver.waitFor(2);
    expect(again?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    expect((again?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(250);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(receiver.received).toHaveLength(2);
    expect(service.deliveries()[0]?.status).toBe('delivered');
  });
});
