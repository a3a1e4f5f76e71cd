// The history endpoints the Studio's legacy timeline uses
// (beta.eventsAPI.documents: false): transactions as NDJSON and documents as
// they were at a revision, a time, or last before deletion.
import { applyPatch } from 'mendoza';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, lakeClient, startTestLake, type TestLake } from '../helpers/lake.ts';

type Line = {
  id: string;
  timestamp: string;
  author: string;
  documentIDs: string[];
  effects?: Record<string, { apply: unknown[]; revert: unknown[] }>;
  mutations?: Record<string, Record<string, unknown>>[];
};

let t: TestLake;
const revs: Record<string, string> = {};
const history = (path: string, token = t.tokens.viewer) =>
  t.fetch(`/v${API_VERSION}/data/history/production/${path}`, { headers: { authorization: `Bearer ${token}` } });

async function lines(path: string, token?: string): Promise<Line[]> {
  const response = await history(path, token);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/ndjson/);
  const text = await response.text();
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);
}

// What the Studio's timeline asks for when a document opens (studio-shapes.md §10.3).
const TIMELINE =
  'tag=sanity.studio.structure.history&effectFormat=mendoza&excludeContent=true&excludeMutations=true&includeIdentifiedDocumentsOnly=true&reverse=true&limit=50';

beforeAll(async () => {
  t = await startTestLake();
  const as = (id: string, name: string) =>
    lakeClient(t.lake, { token: t.lake.tokens.create({ name, role: 'editor', user: { id, name } }).token });
  const alice = as('p-alice', 'Alice');
  const bob = as('p-bob', 'Bob');
  revs.create = (
    await alice.create({ _id: 'drafts.story-h', _type: 'story', headline: 'Iran talks', body: 'First.' })
  )._rev;
  revs.edit = (await bob.patch('drafts.story-h').set({ headline: 'Iran talks go on' }).commit())._rev;
  await t.editor.create({ _id: 'other', _type: 'story', headline: 'Unrelated' });
  revs.publish = (
    await alice
      .transaction()
      .delete('drafts.story-h')
      .createOrReplace({ _id: 'story-h', _type: 'story', headline: 'Iran talks go on', body: 'First.' })
      .commit()
  ).transactionId;
  revs.fix = (await bob.patch('story-h').set({ body: 'First, corrected.' }).unset(['headline']).commit())._rev;
});
afterAll(() => t.close());

describe('transactions', () => {
  it('gives the timeline every transaction of a document pair, newest first, with authors and effects', async () => {
    const found = await lines(`transactions/story-h,drafts.story-h?${TIMELINE}`);
    expect(found.map((line) => [line.id, line.author, line.documentIDs])).toEqual([
      [revs.fix, 'p-bob', ['story-h']],
      [revs.publish, 'p-alice', ['drafts.story-h', 'story-h']],
      [revs.edit, 'p-bob', ['drafts.story-h']],
      [revs.create, 'p-alice', ['drafts.story-h']],
    ]);
    expect(found.every((line) => line.mutations === undefined)).toBe(true);
    expect(found[3]?.effects?.['drafts.story-h']?.revert).toEqual([0, null]);
    expect(found[1]?.effects?.['drafts.story-h']?.apply).toEqual([0, null]);
    expect(found[1]?.effects?.['story-h']?.revert).toEqual([0, null]);
  });

  it('lets the timeline walk back from the current documents with the revert effects', async () => {
    const found = await lines(`transactions/story-h,drafts.story-h?${TIMELINE}`);
    const current = await t.viewer.getDocument('story-h');
    const { _rev, ...attributes } = current as Record<string, unknown>;
    let state: Record<string, unknown> | null = attributes;
    let rev = _rev;
    for (const line of found) {
      if (!line.documentIDs.includes('story-h')) continue;
      // The timeline aligns on the transaction that produced the current _rev.
      expect(line.id).toBe(rev);
      const atLine = await (await history(`documents/story-h?revision=${line.id}`)).json();
      expect(atLine.documents[0]._rev).toBe(line.id);
      state = applyPatch(state, line.effects?.['story-h']?.revert ?? []);
      rev = undefined;
      if (state) {
        // The state before this transaction is the document at the previous revision of story-h.
        const previous = found.find(
          (other) => other.timestamp < line.timestamp && other.documentIDs.includes('story-h'),
        );
        const then = await (await history(`documents/story-h?revision=${previous?.id}`)).json();
        const { _rev: previousRev, ...previousAttributes } = then.documents[0];
        expect(state).toEqual(previousAttributes);
        rev = previousRev;
      }
    }
    expect(state).toBeNull();
  });

  it('pages with toTransaction (inclusive) and limit, as "load more" does', async () => {
    const first = await lines(`transactions/story-h,drafts.story-h?${TIMELINE.replace('limit=50', 'limit=2')}`);
    expect(first.map((line) => line.id)).toEqual([revs.fix, revs.publish]);
    const next = await lines(
      `transactions/story-h,drafts.story-h?${TIMELINE.replace('limit=50', 'limit=2')}&toTransaction=${revs.publish}`,
    );
    expect(next.map((line) => line.id)).toEqual([revs.publish, revs.edit]);
  });

  it('reads forward from fromTransaction (inclusive), with mutations and every document of the transaction', async () => {
    const found = await lines(`transactions/drafts.story-h?fromTransaction=${revs.edit}&effectFormat=mendoza`);
    expect(found.map((line) => line.id)).toEqual([revs.edit, revs.publish]);
    expect(found[1]?.documentIDs).toEqual(['drafts.story-h', 'story-h']);
    expect(found[1]?.mutations).toEqual([
      { delete: { id: 'drafts.story-h' } },
      { createOrReplace: { _id: 'story-h', _type: 'story', headline: 'Iran talks go on', body: 'First.' } },
    ]);
    const lean = await lines(`transactions/drafts.story-h?fromTransaction=${revs.edit}&excludeContent=true`);
    expect(lean[1]?.mutations?.[1]).toEqual({ createOrReplace: { _id: 'story-h', _type: 'story' } });
    expect(lean[0]).not.toHaveProperty('effects');
  });

  it('filters by author and lists the whole dataset without ids', async () => {
    const bobs = await lines('transactions?authors=p-bob');
    expect(bobs.map((line) => line.id)).toEqual([revs.edit, revs.fix]);
    const all = await lines('transactions?reverse=true&limit=3');
    expect(all.map((line) => line.id)).toEqual([revs.fix, revs.publish, expect.any(String)]);
  });
});

describe('documents', () => {
  it('returns the documents as a revision left them, each with the _rev the Studio matches on', async () => {
    const body = await (await history(`documents/story-h,drafts.story-h?revision=${revs.edit}`)).json();
    expect(body).toEqual({
      documents: [expect.objectContaining({ _id: 'drafts.story-h', _rev: revs.edit, headline: 'Iran talks go on' })],
      omitted: [{ id: 'story-h', reason: 'existence' }],
    });
  });

  it('returns documents as they were at a time, now by default', async () => {
    const published = await (await history(`documents/story-h?revision=${revs.publish}`)).json();
    const publishedAt = published.documents[0]._updatedAt as string;
    const at = await (await history(`documents/story-h?time=${encodeURIComponent(publishedAt)}`)).json();
    expect(at.documents[0]).toMatchObject({ _rev: revs.publish, headline: 'Iran talks go on' });
    const now = await (await history('documents/story-h')).json();
    expect(now.documents[0]).toMatchObject({ _rev: revs.fix, body: 'First, corrected.' });
  });

  it('returns the last state of a deleted document with lastRevision=true', async () => {
    const last = await (await history('documents/story-h,drafts.story-h?lastRevision=true')).json();
    expect(last.documents.map((doc: { _id: string; _rev: string }) => [doc._id, doc._rev])).toEqual([
      ['story-h', revs.fix],
      ['drafts.story-h', revs.edit],
    ]);
  });
});

describe('access and errors', () => {
  it('refuses anonymous requests and names unknown transactions and bad parameters', async () => {
    const anonymous = await t.fetch(`/v${API_VERSION}/data/history/production/transactions/story-h`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ message: expect.stringContaining('requires a token') });
    const unknown = await history('documents/story-h?revision=nope');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { description: 'Transaction "nope" not found in dataset "production"' },
    });
    const both = await history(`documents/story-h?revision=${revs.fix}&lastRevision=true`);
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({ error: { description: expect.stringContaining('mutually exclusive') } });
    const limit = await history('transactions/story-h?limit=lots');
    expect(limit.status).toBe(400);
    expect(await limit.json()).toMatchObject({ error: { description: expect.stringContaining('"limit"') } });
  });
});
