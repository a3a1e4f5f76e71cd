// The Studio's own legacy history timeline (sanity 6.9.2's Timeline and
// TimelineController, the code behind "History" and "Review changes" with
// beta.eventsAPI.documents: false), run against the lake's history endpoints
// with the Studio's bundled @sanity/client 7.28.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake } from '../helpers/lake.ts';
import { changedFields, openTimeline, studioClient } from '../helpers/studio-timeline.ts';

let t: TestLake;
let tokens: { alice: string; bob: string };
const client = (token: string) => studioClient(t, token);

beforeAll(async () => {
  t = await startTestLake();
  const user = (id: string, name: string) => t.lake.tokens.create({ name, role: 'editor', user: { id, name } }).token;
  tokens = { alice: user('p-alice', 'Alice'), bob: user('p-bob', 'Bob') };
  const alice = client(tokens.alice);
  const bob = client(tokens.bob);
  const story = { _type: 'story', headline: 'Iran talks', slug: { _type: 'slug', current: 'iran-talks' } };
  await alice.create({ _id: 'drafts.tl', ...story });
  // Publish: the draft deleted and the published document written in one transaction.
  await alice
    .transaction()
    .delete('drafts.tl')
    .createOrReplace({ _id: 'tl', ...story })
    .commit();
  // Bob's next edit starts a draft from the published document, then Alice adds a dek.
  await bob.create({ _id: 'drafts.tl', ...story });
  await bob.patch('drafts.tl').set({ headline: 'Iran talks go on' }).commit();
  await alice.patch('drafts.tl').set({ dek: 'Both sides say “various measures” are on the table' }).commit();
});
afterAll(() => t.close());

describe('the Studio’s legacy history timeline', () => {
  it('aligns on the transaction log and shows who changed what, publish included', async () => {
    const { timeline, failure } = await openTimeline(t, 'tl', 'story');
    expect(failure()).toBeUndefined();
    expect(timeline.reachedEarliestEntry).toBe(true);
    const chunks = timeline.mapChunks((chunk) => [chunk.type, [...chunk.authors].sort()]);
    expect(chunks).toEqual([
      ['editDraft', ['p-alice', 'p-bob']],
      ['publish', ['p-alice']],
      ['editDraft', ['p-alice']],
      ['initial', ['p-alice']],
    ]);
  });

  it('reviews the changes since publishing field by field, attributing each inserted character to its author', async () => {
    const { controller, failure } = await openTimeline(t, 'tl', 'story');
    controller.setRange('@lastPublished', null);
    const diff = controller.currentObjectDiff() as unknown as {
      fields: Record<
        string,
        { isChanged: boolean; segments?: { action: string; text: string; annotation?: { author: string } }[] }
      >;
    };
    expect(failure()).toBeUndefined();
    expect(changedFields(controller)).toEqual(['dek', 'headline']);
    expect(diff.fields.headline?.segments?.map((s) => [s.action, s.text, s.annotation?.author ?? null])).toEqual([
      ['unchanged', 'Iran talks', null],
      ['added', ' go on', 'p-bob'],
    ]);
    expect(diff.fields.dek?.segments?.[0]).toMatchObject({ action: 'added', annotation: { author: 'p-alice' } });
  });
});
