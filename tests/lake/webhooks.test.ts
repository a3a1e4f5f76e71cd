// Webhooks in Sanity's format, delivered to a real local HTTP receiver and
// verified there with @sanity/webhook, as the publisher (or any receiver
// written for hosted Sanity) verifies them.
import { rmSync } from 'node:fs';
import { isValidSignature } from '@sanity/webhook';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LakeStore } from '../../lake/index.ts';
import { startTestLake, type TestLake, tempDir } from '../helpers/lake.ts';
import { type ReceivedRequest, startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.ts';

const SECRET = 'a long shared secret for the publisher';
const body = (request: ReceivedRequest | undefined) => JSON.parse(request?.body ?? 'null');
const header = (request: ReceivedRequest | undefined, name: string) => request?.headers[name] as string | undefined;

async function settle(ms = 300) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe('deliveries', () => {
  let t: TestLake;
  let receiver: WebhookReceiver;
  const logged: string[] = [];
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestLake({
      webhooks: { initialBackoffMs: 40, maxBackoffMs: 200, maxAttempts: 3, log: (line) => logged.push(line) },
    });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });
  afterEach(() => {
    for (const hook of t.lake.webhooks.list()) t.lake.webhooks.remove(hook.id);
    receiver.received.length = 0;
    logged.length = 0;
  });

  it('fires create, update and delete for published documents only, signed and with Sanity’s headers', async () => {
    const hook = t.lake.webhooks.add({
      name: 'publisher',
      url: receiver.url,
      dataset: 'production',
      rule: {
        on: ['create', 'update', 'delete'],
        filter: '_type == "story"',
        projection: '{_id, _type, _rev, headline, "operation": delta::operation(), "before": before().headline}',
      },
      secret: SECRET,
      headers: { 'x-newsroom': 'lake', 'sanity-dataset': 'cannot override' },
    });
    expect(hook).toMatchObject({
      type: 'document',
      httpMethod: 'POST',
      includeDrafts: false,
      apiVersion: 'v2021-03-25',
    });

    await t.editor.create({ _id: 'drafts.hook-1', _type: 'story', headline: 'Draft' });
    const publish = await t.editor
      .transaction()
      .delete('drafts.hook-1')
      .create({ _id: 'hook-1', _type: 'story', headline: 'Published' })
      .commit();
    const [created] = await receiver.waitFor(1);
    expect(body(created)).toEqual({
      _id: 'hook-1',
      _type: 'story',
      _rev: publish.transactionId,
      headline: 'Published',
      operation: 'create',
      before: null,
    });
    expect(created?.method).toBe('POST');
    expect(created?.url).toBe('/hook');
    expect(created?.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': `${hook.id}:${publish.transactionId}:hook-1`,
      'sanity-project-id': 'local',
      'sanity-dataset': 'production',
      'sanity-document-id': 'hook-1',
      'sanity-operation': 'create',
      'sanity-transaction-id': publish.transactionId,
      'sanity-webhook-id': hook.id,
      'x-newsroom': 'lake',
    });
    expect(Date.parse(header(created, 'sanity-transaction-time') ?? '')).not.toBeNaN();
    expect(await isValidSignature(created?.body ?? '', header(created, 'sanity-webhook-signature') ?? '', SECRET)).toBe(
      true,
    );
    expect(
      await isValidSignature(created?.body ?? '', header(created, 'sanity-webhook-signature') ?? '', 'wrong'),
    ).toBe(false);

    const edit = await t.editor.patch('hook-1').set({ headline: 'Corrected' }).commit();
    const unpublish = await t.editor.delete('hook-1');
    const [, updated, deleted] = await receiver.waitFor(3);
    expect(body(updated)).toMatchObject({
      _rev: edit._rev,
      headline: 'Corrected',
      operation: 'update',
      before: 'Published',
    });
    expect(header(updated, 'sanity-operation')).toBe('update');
    // A delete is projected from the document as it was before.
    expect(body(deleted)).toMatchObject({ _id: 'hook-1', _rev: edit._rev, headline: 'Corrected', operation: 'delete' });
    expect(header(deleted, 'sanity-operation')).toBe('delete');
    expect(header(deleted, 'sanity-transaction-id')).toBe(unpublish.transactionId);
    await settle();
    expect(receiver.received).toHaveLength(3);
    expect(
      t.lake.webhooks.deliveries({ webhook: 'publisher' }).map((d) => [d.operation, d.status, d.attempts]),
    ).toEqual([
      ['delete', 'delivered', 1],
      ['update', 'delivered', 1],
      ['create', 'delivered', 1],
    ]);
  });

  it('sends the whole document without a projection, nothing unsigned without a secret, and drafts when asked', async () => {
    t.lake.webhooks.add({
      name: 'drafts too',
      url: receiver.url,
      includeDrafts: true,
      httpMethod: 'PUT',
      rule: { filter: '_type == "memo"' },
    });
    const draft = await t.editor.create({ _id: 'drafts.memo-w', _type: 'memo', text: 'hello' });
    const [request] = await receiver.waitFor(1);
    expect(body(request)).toEqual(draft);
    expect(request?.method).toBe('PUT');
    expect(request?.headers).not.toHaveProperty('sanity-webhook-signature');
  });

  it('follows the filter: a document leaving it is a delete, coming back a create, and `on` picks which fire', async () => {
    t.lake.webhooks.add({
      name: 'live stories',
      url: receiver.url,
      rule: { on: ['create', 'delete'], filter: '_type == "story" && status == "live"', projection: '{_id, status}' },
    });
    await t.editor.create({ _id: 'flip', _type: 'story', status: 'live' });
    await t.editor.patch('flip').set({ title: 'an update nobody asked for' }).commit();
    await t.editor.patch('flip').set({ status: 'held' }).commit();
    await t.editor.patch('flip').set({ status: 'live' }).commit();
    const requests = await receiver.waitFor(3);
    expect(requests.map((r) => [header(r, 'sanity-operation'), body(r).status])).toEqual([
      ['create', 'live'],
      ['delete', 'live'],
      ['create', 'live'],
    ]);
    await settle();
    expect(receiver.received).toHaveLength(3);
  });

  it('retries a failing receiver with backoff, logging each failure, and sends the same signed body each time', async () => {
    t.lake.webhooks.add({ name: 'flaky', url: receiver.url, secret: SECRET, rule: { projection: '{_id}' } });
    receiver.respondWith(500, 502);
    await t.editor.create({ _id: 'retried', _type: 'memo' });
    const attempts = await receiver.waitFor(3);
    expect(new Set(attempts.map((r) => r.body)).size).toBe(1);
    expect(new Set(attempts.map((r) => header(r, 'idempotency-key'))).size).toBe(1);
    for (const attempt of attempts) {
      expect(await isValidSignature(attempt.body, header(attempt, 'sanity-webhook-signature') ?? '', SECRET)).toBe(
        true,
      );
    }
    expect(logged).toEqual([
      expect.stringMatching(/webhook "flaky" create of retried .* failed on attempt 1\/3: HTTP 500; retrying in/),
      expect.stringMatching(/webhook "flaky" create of retried .* failed on attempt 2\/3: HTTP 502; retrying in/),
    ]);
    await settle(100);
    const [delivery] = t.lake.webhooks.deliveries({ webhook: 'flaky' });
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200 });
    expect(t.lake.webhooks.attempts(delivery?.id ?? 0).map((a) => a.status)).toEqual([500, 502, 200]);
  });

  it('gives up after maxAttempts and reports unreachable receivers', async () => {
    const down = await startWebhookReceiver();
    const url = down.url;
    await down.close();
    t.lake.webhooks.add({ name: 'gone', url, rule: { projection: '{_id}' } });
    await t.editor.create({ _id: 'unheard', _type: 'memo' });
    for (const deadline = Date.now() + 5000; logged.length < 3 && Date.now() < deadline; ) await settle(20);
    expect(logged[0]).toMatch(/webhook "gone" create of unheard .* failed on attempt 1\/3: .*ECONNREFUSED/);
    expect(logged[2]).toMatch(/failed on attempt 3\/3: .*; giving up/);
    await settle(50);
    expect(t.lake.webhooks.deliveries({ webhook: 'gone' })[0]).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('delivers one document’s changes in order, while other documents go on', async () => {
    t.lake.webhooks.add({ name: 'ordered', url: receiver.url, rule: { projection: '{_id, n}' } });
    // seq-a's first delivery hangs at the receiver, then fails (and is retried).
    const release = receiver.hold((text) => text.includes('"seq-a"'));
    await t.editor.create({ _id: 'seq-a', _type: 'memo', n: 1 });
    await t.editor.patch('seq-a').set({ n: 2 }).commit();
    await t.editor.patch('seq-a').set({ n: 3 }).commit();
    await t.editor.create({ _id: 'seq-b', _type: 'memo', n: 1 });
    // seq-b does not wait for seq-a.
    const [first] = await receiver.waitFor(1);
    expect(body(first)).toEqual({ _id: 'seq-b', n: 1 });
    release(500);
    const requests = await receiver.waitFor(5);
    expect(requests.filter((r) => body(r)._id === 'seq-a').map((r) => body(r).n)).toEqual([1, 1, 2, 3]);
    // The receiver counts a request before it answers, and the lake marks it
    // delivered only when the answer reaches it: on a busy machine that is later.
    const statuses = () => t.lake.webhooks.deliveries({ webhook: 'ordered' }).map((d) => d.status);
    for (const deadline = Date.now() + 5000; statuses().some((s) => s !== 'delivered') && Date.now() < deadline; ) {
      await settle(20);
    }
    expect(statuses()).toEqual(Array(4).fill('delivered'));
  });

  it('refuses invalid definitions with errors that name the field', () => {
    const add = (definition: object) => () =>
      t.lake.webhooks.add({ name: 'bad', url: receiver.url, ...definition } as never);
    expect(add({ rule: { filter: '_type ==' } })).toThrow(/rule\.filter is not valid GROQ/);
    expect(add({ rule: { projection: '{_id' } })).toThrow(/rule\.projection is not valid GROQ/);
    expect(add({ url: 'ftp://example.com' })).toThrow(/"url" url must be an http\(s\) URL/);
    expect(add({ rule: { on: [] } })).toThrow(/"rule\.on" rule\.on needs at least one/);
    t.lake.webhooks.add({ name: 'taken', url: receiver.url });
    expect(() => t.lake.webhooks.add({ name: 'taken', url: receiver.url })).toThrow(
      'A webhook named "taken" already exists',
    );
  });

  it('does not fire for changes made before the webhook existed, nor after it was removed', async () => {
    await t.editor.create({ _id: 'before-hook', _type: 'memo' });
    const hook = t.lake.webhooks.add({ name: 'late', url: receiver.url });
    await t.editor.create({ _id: 'after-hook', _type: 'memo' });
    await receiver.waitFor(1);
    t.lake.webhooks.remove('late');
    await t.editor.create({ _id: 'after-removal', _type: 'memo' });
    await settle();
    expect(receiver.received.map((r) => body(r)._id)).toEqual(['after-hook']);
    expect(t.lake.webhooks.deliveries({ webhook: hook.id })).toHaveLength(1);
  });
});

describe('durability', () => {
  it('keeps undelivered deliveries across a restart, and plans transactions committed while the lake was down', async () => {
    const dataDir = tempDir();
    const receiver = await startWebhookReceiver();
    const port = receiver.port;
    await receiver.close();
    const quiet = { log: () => {}, initialBackoffMs: 60_000 };
    let t = await startTestLake({ dataDir, webhooks: quiet });
    t.lake.webhooks.add({
      name: 'publisher',
      url: `http://127.0.0.1:${port}/hook`,
      secret: SECRET,
      rule: { projection: '{_id, n}' },
    });
    await t.editor.create({ _id: 'kept', _type: 'memo', n: 1 });
    for (const deadline = Date.now() + 5000; t.lake.webhooks.deliveries()[0]?.attempts !== 1 && Date.now() < deadline; )
      await settle(20);
    expect(t.lake.webhooks.deliveries()[0]).toMatchObject({ status: 'pending', attempts: 1 });
    await t.lake.close();

    // Written with the lake down (as an offline import does): no listener saw it.
    const store = new LakeStore(dataDir);
    store.seed('production', [{ _id: 'offline', _type: 'memo', n: 2 }]);
    store.close();

    const back = await startWebhookReceiver(port);
    t = await startTestLake({ dataDir, webhooks: { ...quiet, initialBackoffMs: 10 } });
    try {
      const requests = await back.waitFor(2);
      expect(requests.map((r) => body(r))).toEqual(
        expect.arrayContaining([
          { _id: 'kept', n: 1 },
          { _id: 'offline', n: 2 },
        ]),
      );
      for (const request of requests) {
        expect(await isValidSignature(request.body, header(request, 'sanity-webhook-signature') ?? '', SECRET)).toBe(
          true,
        );
      }
    } finally {
      await t.lake.close();
      await back.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
