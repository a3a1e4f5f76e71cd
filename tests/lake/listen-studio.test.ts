// The listener as the Studio's own document code consumes it: sanity
// 6.9.2's getPairListener (dedupe, multi-document transactions held until
// complete, revision chains that raise OutOfSyncError when broken), with the
// Studio's bundled @sanity/client 7.28, while documents are written with the
// same actions the Studio sends. Rebuilding the documents from the events
// with @sanity/mutator must give what the lake holds.
import { Mutation } from '@sanity/mutator';
import { getPairListener } from 'sanity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake } from '../helpers/lake.ts';
import { studioClient } from '../helpers/studio-timeline.ts';

type PairEvent = {
  type: string;
  documentId?: string;
  document?: Record<string, unknown> | null;
  [key: string]: unknown;
};

let t: TestLake;
beforeAll(async () => {
  t = await startTestLake();
});
afterAll(() => t.close());

describe('the Studio’s pair listener', () => {
  it('follows create, edits, publish and unpublish without losing the revision chain', async () => {
    const client = studioClient(t, t.tokens.editor);
    const events: PairEvent[] = [];
    const syncErrors: unknown[] = [];
    const subscription = getPairListener(
      client as never,
      { publishedId: 'pair', draftId: 'drafts.pair' },
      { onSyncErrorRecovery: (error) => syncErrors.push(error) },
    ).subscribe((event) => events.push(event as unknown as PairEvent));
    const until = async (check: () => boolean, what: string) => {
      for (const deadline = Date.now() + 5000; !check(); ) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(events)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await until(() => events.filter((e) => e.type === 'snapshot').length === 2, 'the snapshots');
    const ids = { draftId: 'drafts.pair', publishedId: 'pair' };
    const act = (action: Record<string, unknown>) => client.action(action as never);
    await act({
      actionType: 'sanity.action.document.create',
      publishedId: 'pair',
      attributes: { _id: 'drafts.pair', _type: 'story', headline: 'Draft' },
      ifExists: 'fail',
    });
    for (const headline of ['Draft, edited', 'Draft, edited twice']) {
      await act({ actionType: 'sanity.action.document.edit', ...ids, patch: { set: { headline } } });
    }
    await act({ actionType: 'sanity.action.document.publish', ...ids });
    await act({ actionType: 'sanity.action.document.edit', ...ids, patch: { set: { dek: 'After publishing' } } });
    await act({ actionType: 'sanity.action.document.unpublish', ...ids });
    const mutations = () => events.filter((e) => e.type === 'mutation');
    await until(() => mutations().length === 7, 'seven mutation events');

    expect(syncErrors).toEqual([]);
    const publish = mutations().slice(3, 5);
    expect(publish.map((e) => [e.documentId, e.transition]).sort()).toEqual([
      ['drafts.pair', 'disappear'],
      ['pair', 'appear'],
    ]);
    expect(mutations().map((e) => [e.documentId, e.transition])).toEqual([
      ['drafts.pair', 'appear'],
      ['drafts.pair', 'update'],
      ['drafts.pair', 'update'],
      ...publish.map((e) => [e.documentId, e.transition]),
      // The next edit starts a new draft; unpublishing then removes the published document only.
      ['drafts.pair', 'appear'],
      ['pair', 'disappear'],
    ]);
    // Publish is one transaction of two events: the Studio held them back until both had arrived.
    const kinds = events.map((e) => (e.type === 'pending' ? `pending ${e.phase}` : e.type));
    const firstPublish = events.indexOf(publish[0] as PairEvent);
    expect(kinds.slice(firstPublish - 1, firstPublish + 3)).toEqual([
      'pending begin',
      'mutation',
      'mutation',
      'pending end',
    ]);

    // Rebuild both documents from the snapshots and events, as the Studio's buffered documents do.
    const docs: Record<string, Record<string, unknown> | null> = {};
    for (const event of events) {
      if (event.type === 'snapshot') docs[event.documentId as string] = event.document ?? null;
      if (event.type === 'mutation') {
        const id = event.documentId as string;
        docs[id] = new Mutation(event as never).apply((docs[id] ?? null) as never) as Record<string, unknown> | null;
      }
    }
    const [published, draft] = await client.getDocuments(['pair', 'drafts.pair']);
    expect(docs.pair ?? null).toEqual(published);
    expect(docs['drafts.pair']).toEqual(draft);
    expect(draft).toMatchObject({ headline: 'Draft, edited twice', dek: 'After publishing' });
    subscription.unsubscribe();
  });
});
