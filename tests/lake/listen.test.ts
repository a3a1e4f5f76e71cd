// data/listen over real HTTP with the real clients: @sanity/client 8.15 (the
// project's), the Studio's bundled 7.28 and the EventSource polyfill the
// Studio's browser build streams with.
import { Mutation } from '@sanity/mutator';
import { applyPatch } from 'mendoza';
import type { Observable } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, startTestLake, type TestLake } from '../helpers/lake.ts';
import { readSse, type SseFrame } from '../helpers/sse-reader.ts';

type Event = Record<string, unknown> & { type: string };

/** Subscribes now; `take(n)` waits for the next n events. */
function collect(observable: Observable<unknown>) {
  const events: Event[] = [];
  let failure: unknown;
  let taken = 0;
  let wake = () => {};
  const subscription = observable.subscribe({
    next: (event) => {
      events.push(event as Event);
      wake();
    },
    error: (error) => {
      failure = error;
      wake();
    },
  });
  return {
    events,
    error: () => failure,
    async take(n: number, timeoutMs = 5000): Promise<[Event, ...Event[]]> {
      const deadline = Date.now() + timeoutMs;
      while (events.length < taken + n && !failure) {
        if (Date.now() > deadline)
          throw new Error(`got ${events.length - taken} of ${n} events: ${JSON.stringify(events.slice(taken))}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
      if (failure) throw failure;
      const result = events.slice(taken, taken + n);
      taken += n;
      return result as [Event, ...Event[]];
    },
    close: () => subscription.unsubscribe(),
  };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let t: TestLake;
beforeAll(async () => {
  t = await startTestLake({ listen: { heartbeatMs: 200 } });
});
afterAll(() => t.close());

const listenPath = (query: string, extra = '') =>
  `/v${API_VERSION}/data/listen/production?query=${encodeURIComponent(query)}${extra}`;

async function openRaw(path: string, token?: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await t.fetch(path, {
    signal: abort.signal,
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (!response.body) throw new Error('no body');
  return { response, sse: readSse(response.body, abort) };
}

const isEvent = (name: string) => (frame: SseFrame) => 'event' in frame && frame.event === name;

describe('data/listen with @sanity/client 8.15', () => {
  it('sends welcome, then appear, update and disappear events with every field the Studio reads', async () => {
    const listener = collect(
      t.editor.listen(
        '*[_type == "story" && section == $section]',
        { section: 'world' },
        {
          events: ['welcome', 'mutation'],
          includePreviousRevision: true,
          effectFormat: 'mendoza',
          visibility: 'query',
        },
      ),
    );
    const [welcome] = await listener.take(1);
    expect(welcome).toMatchObject({ type: 'welcome', listenerName: expect.any(String) });

    const created = await t.editor.create({ _id: 'listen-1', _type: 'story', section: 'world', headline: 'First' });
    const [appear] = await listener.take(1);
    expect(appear).toEqual({
      type: 'mutation',
      eventId: `${created._rev}#listen-1`,
      documentId: 'listen-1',
      transactionId: created._rev,
      identity: 'robot-test-editor',
      mutations: [{ createOrReplace: { ...withoutRev(created) } }],
      effects: { apply: [0, withoutRev(created)], revert: [0, null] },
      resultRev: created._rev,
      timestamp: created._updatedAt,
      visibility: 'query',
      transition: 'appear',
      transactionTotalEvents: 1,
      transactionCurrentEvent: 1,
      result: created,
    });
    expect(appear).not.toHaveProperty('previousRev');
    expect(appear).not.toHaveProperty('previous');

    const updated = await t.editor.patch('listen-1').set({ headline: 'Second' }).commit();
    const [update] = await listener.take(1);
    expect(update).toMatchObject({
      transition: 'update',
      previousRev: created._rev,
      resultRev: updated._rev,
      transactionId: updated._rev,
      timestamp: updated._updatedAt,
      result: updated,
      previous: created,
    });
    const effects = update.effects as { apply: unknown[]; revert: unknown[] };
    expect(applyPatch(withoutRev(created), effects.apply)).toEqual(withoutRev(updated));
    expect(applyPatch(withoutRev(updated), effects.revert)).toEqual(withoutRev(created));
    // What the Studio's pair listener does with the event: @sanity/mutator rebuilds the server's document.
    expect(new Mutation(update as never).apply(created as never)).toEqual(updated);

    const moved = await t.editor.patch('listen-1').set({ section: 'sport' }).commit();
    const [disappear] = await listener.take(1);
    // Gone from the filter, not from the dataset: the result is the document as it is now.
    expect(disappear).toMatchObject({
      transition: 'disappear',
      previousRev: updated._rev,
      resultRev: moved._rev,
      result: moved,
    });

    await t.editor.patch('listen-1').set({ section: 'world' }).commit();
    const [back] = await listener.take(1);
    expect(back).toMatchObject({ transition: 'appear', previousRev: moved._rev });

    const deletion = await t.editor.delete('listen-1');
    const [gone] = await listener.take(1);
    expect(gone).toMatchObject({
      transition: 'disappear',
      transactionId: deletion.transactionId,
      resultRev: deletion.transactionId,
      mutations: [{ delete: { id: 'listen-1' } }],
      effects: { apply: [0, null] },
    });
    expect(gone).not.toHaveProperty('result');
    listener.close();
  });

  it('counts a transaction’s events per connection, as the pair listener waits for all of them', async () => {
    await t.editor.create({ _id: 'drafts.pub-1', _type: 'story', headline: 'To publish' });
    const pair = collect(
      t.editor.listen('*[_id in $ids]', { ids: ['pub-1', 'drafts.pub-1'] }, { events: ['mutation'] }),
    );
    const draftOnly = collect(t.editor.listen('*[_id == "drafts.pub-1"]', {}, { events: ['mutation'] }));
    await waitFor(() => t.lake.openListeners() >= 2, 'two listeners');
    const { transactionId } = await t.editor
      .transaction()
      .delete('drafts.pub-1')
      .createOrReplace({ _id: 'pub-1', _type: 'story', headline: 'To publish' })
      .commit();
    const events = await pair.take(2);
    expect(
      events.map((e) => [e.documentId, e.transition, e.transactionTotalEvents, e.transactionCurrentEvent]),
    ).toEqual([
      ['drafts.pub-1', 'disappear', 2, 1],
      ['pub-1', 'appear', 2, 2],
    ]);
    expect(events.every((e) => e.transactionId === transactionId)).toBe(true);
    const [single] = await draftOnly.take(1);
    expect(single).toMatchObject({ documentId: 'drafts.pub-1', transactionTotalEvents: 1, transactionCurrentEvent: 1 });
    pair.close();
    draftOnly.close();
  });

  it('never shows drafts to anonymous listeners, and leaves out mutations when asked', async () => {
    const anonymous = collect(t.anonymous.listen('*[_type == "memo"]', {}, { events: ['mutation'] }));
    const viewer = collect(
      t.viewer.listen('*[_type == "memo"]', {}, { events: ['mutation'], includeMutations: false }),
    );
    await waitFor(() => t.lake.openListeners() >= 2, 'two listeners');
    await t.editor.create({ _id: 'drafts.memo-1', _type: 'memo', secret: 'embargoed' });
    await t.editor.create({ _id: 'memo-1', _type: 'memo', secret: 'public now' });
    const [seenByViewer, second] = await viewer.take(2);
    expect(seenByViewer).toMatchObject({ documentId: 'drafts.memo-1', transition: 'appear' });
    expect(second).toMatchObject({ documentId: 'memo-1' });
    expect(seenByViewer).not.toHaveProperty('mutations');
    expect(seenByViewer).toMatchObject({ result: { secret: 'embargoed' } });
    const [seenByAnonymous] = await anonymous.take(1);
    expect(seenByAnonymous).toMatchObject({ documentId: 'memo-1', result: { secret: 'public now' } });
    expect(anonymous.events.map((e) => e.documentId)).toEqual(['memo-1']);
    anonymous.close();
    viewer.close();
  });

  it('reports a malformed filter as a channel error that names the fault', async () => {
    const broken = collect(t.editor.listen('*[_type == ]', {}, { events: ['welcome', 'mutation'] }));
    await waitFor(() => broken.error() !== undefined, 'the channel error');
    expect(String((broken.error() as Error).message)).toMatch(/expected expression|unexpected/i);
  });
});

describe('data/listen on the wire', () => {
  it('sends heartbeats as comments between events', async () => {
    const { response, sse } = await openRaw(listenPath('*'), t.tokens.viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await sse.next()).toMatchObject({ event: 'welcome' });
    expect(await sse.next((frame) => 'comment' in frame)).toEqual({ comment: '' });
    sse.close();
  });

  it('answers a reconnect (lastEventId query parameter or Last-Event-ID header) with a fresh welcome', async () => {
    const byQuery = await openRaw(listenPath('*', '&lastEventId=abc%23story-1&enableResume=true'), t.tokens.viewer);
    expect(await byQuery.sse.next()).toMatchObject({ event: 'welcome' });
    const byHeader = await openRaw(listenPath('*'), t.tokens.viewer, { 'last-event-id': 'abc#story-1' });
    expect(await byHeader.sse.next()).toMatchObject({ event: 'welcome' });
    byQuery.sse.close();
    byHeader.sse.close();
  });

  it('tags each mutation frame with the event id, and leaves out the result when told to', async () => {
    // @sanity/client never sends includeResult=false (it drops falsy options); other clients may.
    const { sse } = await openRaw(listenPath('*[_id == "framed"]', '&includeResult=false'), t.tokens.viewer);
    await sse.next(isEvent('welcome'));
    const doc = await t.editor.create({ _id: 'framed', _type: 'memo' });
    const frame = await sse.next(isEvent('mutation'));
    expect(frame).toMatchObject({ id: `${doc._rev}#framed`, data: { eventId: `${doc._rev}#framed` } });
    expect((frame as { data: object }).data).not.toHaveProperty('result');
    sse.close();
  });

  it('forgets closed connections', async () => {
    await waitFor(() => t.lake.openListeners() === 0, 'earlier listeners to close');
    const open = await Promise.all(Array.from({ length: 8 }, () => openRaw(listenPath('*'), t.tokens.viewer)));
    await Promise.all(open.map(({ sse }) => sse.next(isEvent('welcome'))));
    expect(t.lake.openListeners()).toBe(8);
    for (const { sse } of open) sse.close();
    await waitFor(() => t.lake.openListeners() === 0, 'closed listeners to be removed');
    // A write after they closed reaches no one and fails nothing.
    await t.editor.create({ _type: 'memo', note: 'after close' });
    expect(t.lake.openListeners()).toBe(0);
  });

  it('refuses an unknown token and a missing query', async () => {
    const unknown = await t.fetch(listenPath('*'), { headers: { authorization: 'Bearer nope' } });
    expect(unknown.status).toBe(401);
    const missing = await t.fetch(`/v${API_VERSION}/data/listen/production`);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { description: expect.stringContaining('"query"') } });
  });

  it('disconnects a listener whose token is revoked', async () => {
    const temporary = t.lake.tokens.create({ name: 'short-lived', role: 'viewer' });
    const { sse } = await openRaw(listenPath('*[_type == "memo"]'), temporary.token);
    await sse.next(isEvent('welcome'));
    t.lake.tokens.revoke(temporary.id);
    await t.editor.create({ _type: 'memo' });
    expect(await sse.next((frame) => 'event' in frame && frame.event !== 'welcome')).toMatchObject({
      event: 'disconnect',
      data: { reason: expect.stringContaining('no longer valid') },
    });
  });
});

function withoutRev<T extends Record<string, unknown>>(doc: T): Omit<T, '_rev'> {
  const { _rev, ...rest } = doc;
  return rest;
}
