// An import into a running lake, as a Studio open on one of its stories sees
// it: sanity 6.9.2's own document store (remoteSnapshots, over its pair
// listener) feeding its own timeline, the code behind the footer's "Live
// edited" / "Published" and the History list. The history shows an import as
// the publish it is (history/import-as-publish.ts); the open Studio must see
// the same, not a live edit, and the draft an editor is working on must stay
// the editor's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { remoteSnapshots } from 'sanity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake, tempDir } from '../helpers/lake.ts';
import { readSse } from '../helpers/sse-reader.ts';
import { openTimeline, studioClient } from '../helpers/studio-timeline.ts';

let t: TestLake;
beforeAll(async () => {
  t = await startTestLake();
});
afterAll(() => t.close());

const story = (id: string, headline: string) => ({ _id: id, _type: 'story', headline, dek: `About ${headline}.` });

/** Imports `docs` into the running lake, replacing what is there (`npm run import -- --replace`, in process). */
async function importReplacing(docs: Record<string, unknown>[]): Promise<string> {
  const file = join(tempDir('listen-import-'), 'data.ndjson');
  writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n'));
  const [transactionId] = (await t.lake.import(file, { mode: 'createOrReplace' })).transactionIds;
  return transactionId as string;
}

/** A Studio's document pane on `id`: its timeline, fed live by its document store as the pane feeds it. */
async function openPane(id: string) {
  const pane = await openTimeline(t, id, 'story');
  const client = studioClient(t, t.tokens.editor);
  const subscription = remoteSnapshots(
    client as never,
    { draftId: `drafts.${id}`, publishedId: id },
    'story',
  ).subscribe((event) => pane.controller.handleRemoteMutation(event));
  // The pair listener is open once its snapshots have come in.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { ...pane, close: () => subscription.unsubscribe() };
}

async function lastChunkOnceAt(pane: Awaited<ReturnType<typeof openPane>>, transactionId: string) {
  for (const deadline = Date.now() + 5000; Date.now() < deadline; ) {
    const chunk = pane.timeline.lastChunk();
    if (chunk.id === transactionId) return chunk;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the timeline never reached ${transactionId}: ${JSON.stringify(pane.timeline.lastChunk())}`);
}

describe('an import while a Studio has the story open', () => {
  it('is a publish by the import, live as after a reload', async () => {
    await t.editor.create(story('story-open', 'Talks resume'));
    const pane = await openPane('story-open');
    const importId = await importReplacing([story('story-open', 'Talks resume in Vienna')]);

    const live = await lastChunkOnceAt(pane, importId);
    expect(live.type).toBe('publish');
    expect([...live.authors]).toEqual(['import']);
    expect(pane.failure()).toBeUndefined();
    pane.close();
    // A reload reads the history: the same.
    const reloaded = await openTimeline(t, 'story-open', 'story');
    expect(reloaded.timeline.lastChunk()).toMatchObject({ id: importId, type: 'publish' });
  });

  it('leaves the draft an editor is working on, and it stays theirs', async () => {
    await t.editor.create(story('story-drafted', 'Oil output steady'));
    await t.editor.create({ ...story('story-drafted', 'Oil output falls'), _id: 'drafts.story-drafted' });
    const pane = await openPane('story-drafted');
    const importId = await importReplacing([story('story-drafted', 'Oil output steady, officials say')]);

    // The import changed what readers get; the editor's unpublished changes are as they were.
    const live = await lastChunkOnceAt(pane, importId);
    expect(live.type).toBe('editLive');
    expect(await t.editor.getDocument('drafts.story-drafted')).toMatchObject({ headline: 'Oil output falls' });
    pane.close();
  });

  it('tells listeners of the draft half of that publish, which changes nothing', async () => {
    await t.editor.create(story('story-events', 'Port strike'));
    const query = encodeURIComponent('*[_id in $ids]');
    const ids = encodeURIComponent(JSON.stringify(['story-events', 'drafts.story-events']));
    const abort = new AbortController();
    const response = await t.fetch(
      `/v2025-02-19/data/listen/production?query=${query}&$ids=${ids}&effectFormat=mendoza&includeResult=false`,
      { headers: { authorization: `Bearer ${t.tokens.editor}` }, signal: abort.signal },
    );
    const sse = readSse(response.body as ReadableStream<Uint8Array>, abort);
    await sse.next((frame) => 'event' in frame && frame.event === 'welcome');
    const importId = await importReplacing([story('story-events', 'Port strike ends')]);
    const events = [];
    for (let n = 0; n < 2; n++) {
      const frame = await sse.next((f) => 'event' in f && f.event === 'mutation');
      events.push((frame as { data: Record<string, unknown> }).data);
    }
    sse.close();
    const byId = Object.fromEntries(events.map((event) => [event.documentId, event]));
    expect(byId['story-events']).toMatchObject({
      transactionId: importId,
      identity: 'import',
      transition: 'update',
      mutations: [{ createOrReplace: expect.objectContaining({ headline: 'Port strike ends' }) }],
      transactionTotalEvents: 2,
    });
    expect(byId['drafts.story-events']).toEqual({
      type: 'mutation',
      eventId: `${importId}#drafts.story-events`,
      documentId: 'drafts.story-events',
      transactionId: importId,
      identity: 'import',
      mutations: [],
      effects: { apply: [0, null], revert: [0, null] },
      resultRev: importId,
      timestamp: expect.any(String),
      visibility: 'query',
      transition: 'disappear',
      transactionTotalEvents: 2,
      transactionCurrentEvent: expect.any(Number),
    });
    // Nothing of it exists: the draft is no more there than before.
    expect(await t.editor.getDocument('drafts.story-events')).toBeUndefined();
  });
});
