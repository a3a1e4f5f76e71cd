import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, startTestLake, type TestLake } from '../helpers/lake.ts';

let t: TestLake;

beforeAll(async () => {
  t = await startTestLake();
  await t.editor
    .transaction()
    .create({ _id: 'person-ann', _type: 'person', name: 'Ann' })
    .create({ _id: 'person-bo', _type: 'person', name: 'Bo' })
    .create({
      _id: 'story-1',
      _type: 'story',
      title: 'Published one',
      author: { _type: 'reference', _ref: 'person-ann' },
    })
    .create({
      _id: 'drafts.story-1',
      _type: 'story',
      title: 'Draft of one',
      author: { _type: 'reference', _ref: 'person-bo' },
    })
    .create({
      _id: 'drafts.story-2',
      _type: 'story',
      title: 'Draft only',
      author: { _type: 'reference', _ref: 'person-ann' },
    })
    .create({ _id: 'drafts.person-ann', _type: 'person', name: 'Ann (draft)' })
    .create({ _id: 'versions.rSpring.story-1', _type: 'story', title: 'Spring version' })
    .commit();
});

afterAll(() => t.close());

const titles = '*[_type == "story"] | order(_id) {_id, title, _originalId}';

describe('perspectives', () => {
  it('raw shows published, drafts and versions side by side', async () => {
    const ids = await t.viewer.fetch<string[]>('*[_type == "story"]._id', {}, { perspective: 'raw' });
    expect(ids).toEqual(['drafts.story-1', 'drafts.story-2', 'story-1', 'versions.rSpring.story-1']);
  });

  it('published hides drafts and versions', async () => {
    expect(await t.viewer.fetch(titles, {}, { perspective: 'published' })).toEqual([
      { _id: 'story-1', title: 'Published one', _originalId: null },
    ]);
  });

  it.each(['drafts', 'previewDrafts'] as const)(
    '%s overlays drafts under the published id with _originalId',
    async (perspective) => {
      expect(await t.viewer.fetch(titles, {}, { perspective })).toEqual([
        { _id: 'story-1', title: 'Draft of one', _originalId: 'drafts.story-1' },
        { _id: 'story-2', title: 'Draft only', _originalId: 'drafts.story-2' },
      ]);
    },
  );

  it('a release stack puts the release version first', async () => {
    const result = await t.viewer.fetch(titles, {}, { perspective: ['rSpring', 'drafts'] });
    expect(result).toEqual([
      { _id: 'story-1', title: 'Spring version', _originalId: 'versions.rSpring.story-1' },
      { _id: 'story-2', title: 'Draft only', _originalId: 'drafts.story-2' },
    ]);
  });

  it('dereferences through the perspective', async () => {
    const query = '*[_type == "story" && _id == $id][0]{"author": author->name}';
    expect(await t.viewer.fetch(query, { id: 'story-1' }, { perspective: 'published' })).toEqual({ author: 'Ann' });
    expect(await t.viewer.fetch(query, { id: 'story-1' }, { perspective: 'drafts' })).toEqual({ author: 'Bo' });
    expect(await t.viewer.fetch(query, { id: 'story-2' }, { perspective: 'drafts' })).toEqual({
      author: 'Ann (draft)',
    });
  });

  it('defaults to published from API version 2025-02-19 and to raw before it', async () => {
    const count = 'count(*[_type == "story"])';
    expect(await t.viewer.fetch(count)).toBe(1);
    expect(await t.client({ token: t.tokens.viewer, apiVersion: 'X' }).fetch(count)).toBe(1);
    // Before 2025-02-19, raw did not include release versions yet.
    expect(await t.client({ token: t.tokens.viewer, apiVersion: '2024-01-01' }).fetch(count)).toBe(3);
    expect(await t.client({ token: t.tokens.viewer, apiVersion: '1' }).fetch(count)).toBe(3);
  });

  it('anonymous requests only ever see published documents', async () => {
    for (const perspective of ['raw', 'drafts', 'published'] as const) {
      expect(await t.anonymous.fetch<string[]>('*[_type == "story"]._id', {}, { perspective })).toEqual(['story-1']);
    }
    expect(await t.anonymous.fetch('*[_id == "drafts.story-1"][0]', {}, { perspective: 'raw' })).toBeNull();
  });

  it('rejects an invalid perspective, naming it', async () => {
    const failure = await rejection(t.viewer.request({ url: '/data/query/production?query=*&perspective=raw,drafts' }));
    expect(failure.statusCode).toBe(400);
    expect((failure.body.error as { description: string }).description).toContain('"raw" is not raw, published');
  });
});

describe('query transport', () => {
  it('takes params as $name=<JSON> on GET', async () => {
    const response = await t.fetch(
      `/v2025-02-19/data/query/production?query=${encodeURIComponent('*[_type == $type && name in $names].name')}&$type="person"&$names=${encodeURIComponent('["Bo"]')}`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: unknown; query: string; ms: number };
    expect(body.result).toEqual(['Bo']);
    expect(body.query).toBe('*[_type == $type && name in $names].name');
    expect(typeof body.ms).toBe('number');
  });

  it('omits the query with returnQuery=false', async () => {
    const response = await t.fetch('/v2025-02-19/data/query/production?query=1&returnQuery=false');
    expect(await response.json()).toEqual({ result: 1, ms: expect.any(Number) });
  });

  it('accepts POST bodies with params and perspective (the client uses POST past ~11 KB)', async () => {
    const names = Array.from({ length: 2000 }, (_, i) => `name-${i}`).concat('Ann');
    expect(await t.viewer.fetch('*[_type == "person" && name in $names].name', { names })).toEqual(['Ann']);
    const response = await t.fetch('/v2025-02-19/data/query/production', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.tokens.viewer}` },
      body: JSON.stringify({ query: '*[_id == $id][0].title', params: { id: 'story-1' }, perspective: 'drafts' }),
    });
    expect(((await response.json()) as { result: unknown }).result).toBe('Draft of one');
  });

  it('takes the perspective of a POST from the query string too', async () => {
    const response = await t.fetch('/v2025-02-19/data/query/production?perspective=drafts', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.tokens.viewer}` },
      body: JSON.stringify({ query: 'count(*[_type == "story"])' }),
    });
    expect(((await response.json()) as { result: unknown }).result).toBe(2);
  });

  it("answers 404 in Sanity's shape for an unknown dataset", async () => {
    const failure = await rejection(t.client({ dataset: 'nope' }).fetch('*'));
    expect(failure.statusCode).toBe(404);
    expect(failure.body.error).toMatchObject({ description: 'Dataset "nope" not found for project ID "local"' });
  });
});
