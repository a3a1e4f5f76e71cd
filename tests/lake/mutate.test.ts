import type { Patch, SanityDocument } from '@sanity/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransactionEvent } from '../../lake/index.ts';
import { rejection, startTestLake, type TestLake } from '../helpers/lake.ts';

let t: TestLake;
const events: TransactionEvent[] = [];

beforeAll(async () => {
  t = await startTestLake();
  t.lake.onTransaction((event) => events.push(event));
});

afterAll(() => t.close());

type MutateResponse = {
  transactionId: string;
  results: { id: string; operation: string; document: SanityDocument & { list?: { _key?: string }[] } }[];
  documentIds?: string[];
};

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function mutate(body: unknown, search = 'returnIds=true&returnDocuments=true') {
  const response = await t.fetch(`/v2025-02-19/data/mutate/production?${search}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.tokens.editor}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as MutateResponse };
}

describe('create kinds', () => {
  it('create sets _rev, _createdAt and _updatedAt, and generates a missing _id', async () => {
    const doc = await t.editor.create({ _type: 'note', text: 'no id' });
    expect(doc._id).toMatch(/^[A-Za-z0-9]{22}$/);
    expect(doc._rev).toMatch(/^[A-Za-z0-9]{22}$/);
    expect(doc._createdAt).toMatch(ISO_MS);
    expect(doc._updatedAt).toBe(doc._createdAt);
  });

  it('create completes an id ending in "." (drafts.) with a random id', async () => {
    const doc = await t.editor.create({ _id: 'drafts.', _type: 'note' });
    expect(doc._id).toMatch(/^drafts\.[A-Za-z0-9]{22}$/);
  });

  it('create of an existing id is a 409 mutationError naming the id', async () => {
    await t.editor.create({ _id: 'dup', _type: 'note' });
    const failure = await rejection(t.editor.create({ _id: 'dup', _type: 'note' }));
    expect(failure.statusCode).toBe(409);
    expect(failure.body.error).toMatchObject({
      type: 'mutationError',
      items: [
        { index: 0, error: { type: 'documentAlreadyExistsError', description: 'Document by ID "dup" already exists' } },
      ],
    });
  });

  it('createOrReplace replaces the document but keeps _createdAt', async () => {
    const first = await t.editor.createOrReplace({ _id: 'cor', _type: 'note', a: 1 });
    const second = await t.editor.createOrReplace({ _id: 'cor', _type: 'note', b: 2 });
    expect(second).toMatchObject({ b: 2, _createdAt: first._createdAt });
    expect(second).not.toHaveProperty('a');
    expect(second._rev).not.toBe(first._rev);
  });

  it('createOrReplace with another _type is a new document: it gets a _createdAt of its own', async () => {
    const old = '2020-01-01T00:00:00.000Z';
    await t.editor.create({ _id: 'retyped', _type: 'note', _createdAt: old });
    const same = await t.editor.createOrReplace({ _id: 'retyped', _type: 'note', a: 1 });
    expect(same._createdAt).toBe(old);
    const other = await t.editor.createOrReplace({ _id: 'retyped', _type: 'memo' });
    expect(other._createdAt).not.toBe(old);
    expect(other._createdAt).toBe(other._updatedAt);
  });

  it('delete then create of one id in a transaction: a new _createdAt, and the delete returns what it deleted', async () => {
    const old = '2020-01-01T00:00:00.000Z';
    await t.editor.create({ _id: 'reborn', _type: 'note', _createdAt: old, text: 'first life' });
    const { status, body } = await mutate({
      mutations: [{ delete: { id: 'reborn' } }, { create: { _id: 'reborn', _type: 'memo' } }],
    });
    expect(status).toBe(200);
    const [deleted, created] = body.results;
    expect(deleted).toMatchObject({ operation: 'delete', document: { _type: 'note', text: 'first life' } });
    expect(created).toMatchObject({ operation: 'create', document: { _type: 'memo' } });
    expect(created?.document._createdAt).not.toBe(old);
    expect(await t.editor.getDocument('reborn')).toMatchObject({
      _type: 'memo',
      _createdAt: created?.document._createdAt,
    });
  });

  it.each([
    ['-dash', 'no part of it may start with \\"-\\"'],
    ['dog.-abc', 'no part of it may start with \\"-\\"'],
    ['a..b', 'it may not start or end with \\".\\" or contain \\"..\\"'],
    ['pk#1', 'use only letters, digits'],
    ['x'.repeat(129), 'it may be at most 128 characters long'],
  ])('create refuses the id %s, saying why', async (id, reason) => {
    const { status, body } = await mutate({ mutations: [{ create: { _id: id, _type: 'note' } }] });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain(`Document ID \\"${id}\\" is not valid: ${reason}`);
  });

  it('an id of the longest length has a draft too, so the Studio can edit it', async () => {
    const id = 'y'.repeat(128);
    await t.editor.create({ _id: id, _type: 'note' });
    const draft = await t.editor.create({ _id: `drafts.${id}`, _type: 'note', text: 'edited' });
    expect(draft._id).toBe(`drafts.${id}`);
  });

  it('createIfNotExists leaves an existing document alone (operation "none")', async () => {
    await t.editor.createIfNotExists({ _id: 'cine', _type: 'note', v: 1 });
    const { body } = await mutate({ mutations: [{ createIfNotExists: { _id: 'cine', _type: 'note', v: 2 } }] });
    expect(body.results).toEqual([expect.objectContaining({ id: 'cine', operation: 'none' })]);
    expect(await t.editor.getDocument('cine')).toMatchObject({ v: 1 });
  });
});

describe('patch operations (applied by @sanity/mutator)', () => {
  beforeAll(async () => {
    await t.editor.createOrReplace({
      _id: 'p',
      _type: 'note',
      title: 'Hello world',
      count: 10,
      tags: [
        { _key: 'a', name: 'A' },
        { _key: 'b', name: 'B' },
      ],
      nested: { x: 1 },
    });
  });

  it.each([
    ['set', (p: Patch) => p.set({ title: 'Set', 'nested.y': 2 }), { title: 'Set', nested: { x: 1, y: 2 } }],
    ['unset', (p: Patch) => p.unset(['nested.x']), { nested: {} }],
    ['setIfMissing', (p: Patch) => p.setIfMissing({ title: 'ignored', extra: 'added' }), { extra: 'added' }],
    ['inc', (p: Patch) => p.inc({ count: 5 }), { count: 15 }],
    ['dec', (p: Patch) => p.dec({ count: 3 }), { count: 12 }],
    [
      'insert after',
      (p: Patch) => p.insert('after', 'tags[_key=="a"]', [{ _key: 'c', name: 'C' }]),
      {
        tags: [
          { _key: 'a', name: 'A' },
          { _key: 'c', name: 'C' },
          { _key: 'b', name: 'B' },
        ],
      },
    ],
    [
      'insert before',
      (p: Patch) => p.insert('before', 'tags[0]', [{ _key: 'z', name: 'Z' }]),
      {
        tags: [
          { _key: 'z', name: 'Z' },
          { _key: 'a', name: 'A' },
          { _key: 'c', name: 'C' },
          { _key: 'b', name: 'B' },
        ],
      },
    ],
    [
      'insert replace',
      (p: Patch) => p.insert('replace', 'tags[_key=="c"]', [{ _key: 'r', name: 'R' }]),
      {
        tags: [
          { _key: 'z', name: 'Z' },
          { _key: 'a', name: 'A' },
          { _key: 'r', name: 'R' },
          { _key: 'b', name: 'B' },
        ],
      },
    ],
    [
      'diffMatchPatch',
      (p: Patch) => p.diffMatchPatch({ title: '@@ -1,3 +1,5 @@\n-Set\n+Patch\n' }),
      { title: 'Patch' },
    ],
  ])('%s', async (_name, build, expected) => {
    const before = await t.editor.getDocument('p');
    const after = await build(t.editor.patch('p')).commit();
    expect(after).toMatchObject(expected);
    expect(after._rev).not.toBe(before?._rev);
    expect(after._createdAt).toBe(before?._createdAt);
    expect(after._updatedAt >= (before?._updatedAt ?? '')).toBe(true);
  });

  it('patching a missing document is a 409 naming it', async () => {
    const failure = await rejection(t.editor.patch('ghost').set({ a: 1 }).commit());
    expect(failure.statusCode).toBe(409);
    expect(JSON.stringify(failure.body.error)).toContain('Document by ID \\"ghost\\" not found');
  });

  it.each([
    ['inc by a string', { inc: { count: 'x' } }, '"patch.inc" of "count" must be a finite number, got the string "x"'],
    ['dec by null', { dec: { count: null } }, '"patch.dec" of "count" must be a finite number, got null'],
    ['diffMatchPatch with a number', { diffMatchPatch: { title: 3 } }, '"patch.diffMatchPatch" of "title"'],
  ])('a patch with %s is a 400 naming the field, and nothing changes', async (_name, operation, message) => {
    const before = await t.editor.getDocument('p');
    const { status, body } = await mutate({ mutations: [{ patch: { id: 'p', ...operation } }] });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain(JSON.stringify(message).slice(1, -1));
    expect(await t.editor.getDocument('p')).toEqual(before);
  });

  it.each([
    ['inc', { inc: { title: 1 } }, '\\"inc\\" needs a number at \\"title\\", which holds the string'],
    ['dec', { dec: { 'nested.x': 1, tags: 1 } }, '\\"dec\\" needs a number at \\"tags\\", which holds an array'],
    [
      'diffMatchPatch',
      { diffMatchPatch: { count: '@@ -1 +1 @@' } },
      'needs a string at \\"count\\", which holds a number',
    ],
  ])('%s on a field of another type is a 400 naming it, and nothing changes', async (_name, operation, message) => {
    const before = await t.editor.getDocument('p');
    const { status, body } = await mutate({ mutations: [{ patch: { id: 'p', ...operation } }] });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain(message);
    expect(await t.editor.getDocument('p')).toEqual(before);
  });

  it("checks a field as the same patch's set leaves it: set to a number, then inc, is fine", async () => {
    await t.editor.createOrReplace({ _id: 'typed', _type: 'note', count: 'abc', title: 'hello' });
    const { status } = await mutate({ mutations: [{ patch: { id: 'typed', set: { count: 0 }, inc: { count: 1 } } }] });
    expect(status).toBe(200);
    expect(await t.editor.getDocument('typed')).toMatchObject({ count: 1 });
    const turned = await mutate({
      mutations: [{ patch: { id: 'typed', set: { title: 5 }, diffMatchPatch: { title: '@@ -1 +1 @@' } } }],
    });
    expect(turned.status).toBe(400);
    // A name an object inherits is no field: inc on it is no type error.
    expect((await mutate({ mutations: [{ patch: { id: 'typed', inc: { hasOwnProperty: 1 } } }] })).status).toBe(200);
  });

  it.each([
    ['remove', { unset: ['_type'] }],
    ['set a number as', { set: { _type: 5 } }],
    ['change', { set: { _type: 'other' } }],
  ])('a patch may not %s "_type": 400, and the document keeps it', async (_name, operation) => {
    const { status, body } = await mutate({ mutations: [{ patch: { id: 'p', ...operation } }] });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain(
      'Patch on document \\"p\\" failed: a patch may not change or remove \\"_type\\"',
    );
    expect(await t.editor.getDocument('p')).toMatchObject({ _type: 'note' });
  });

  it('patch by query updates every matching document', async () => {
    await t.editor.transaction().create({ _id: 'q1', _type: 'bulk' }).create({ _id: 'q2', _type: 'bulk' }).commit();
    const { body } = await mutate({
      mutations: [{ patch: { query: '*[_type == $t]', params: { t: 'bulk' }, set: { done: true } } }],
    });
    expect(body.results.map((r) => r.operation)).toEqual(['update', 'update']);
    expect(await t.editor.fetch('*[_type == "bulk"].done')).toEqual([true, true]);
  });
});

describe('revisions and atomicity', () => {
  it('ifRevisionID: a stale revision is a 409 and the whole transaction is not applied', async () => {
    const doc = await t.editor.createOrReplace({ _id: 'rev', _type: 'note', n: 1 });
    await t.editor.patch('rev').set({ n: 2 }).commit();
    const failure = await rejection(
      t.editor
        .transaction()
        .create({ _id: 'would-be-created', _type: 'note' })
        .patch('rev', (p) => p.ifRevisionId(doc._rev).set({ n: 3 }))
        .commit(),
    );
    expect(failure.statusCode).toBe(409);
    expect(failure.body.error).toMatchObject({ type: 'mutationError', items: [{ index: 1 }] });
    expect(JSON.stringify(failure.body.error)).toContain(`ifRevisionID expected \\"${doc._rev}\\"`);
    expect(await t.editor.getDocument('would-be-created')).toBeUndefined();
    expect(await t.editor.getDocument('rev')).toMatchObject({ n: 2 });
  });

  it('ifRevisionID matching the current revision applies', async () => {
    const doc = await t.editor.getDocument('rev');
    const after = await t.editor
      .patch('rev')
      .ifRevisionId(doc?._rev as string)
      .set({ n: 9 })
      .commit();
    expect(after.n).toBe(9);
  });

  it('_rev of every document written equals the transaction id', async () => {
    const { body } = await mutate({
      mutations: [{ create: { _id: 'tx-a', _type: 'note' } }, { create: { _id: 'tx-b', _type: 'note' } }],
    });
    expect(body.results.map((r) => r.document._rev)).toEqual([body.transactionId, body.transactionId]);
    expect(body.documentIds).toEqual(['tx-a', 'tx-b']);
  });

  it('a client-chosen transactionId becomes the _rev and cannot be reused', async () => {
    const { body } = await mutate({
      mutations: [{ create: { _id: 'mine', _type: 'note' } }],
      transactionId: 'my-tx-1',
    });
    expect(body.transactionId).toBe('my-tx-1');
    expect((await t.editor.getDocument('mine'))?._rev).toBe('my-tx-1');
    const again = await mutate({ mutations: [{ create: { _id: 'mine-2', _type: 'note' } }], transactionId: 'my-tx-1' });
    expect(again.status).toBe(409);
  });
});

describe('concurrency', () => {
  it('concurrent transactions on one document are serialised: no update is lost', async () => {
    await t.editor.createOrReplace({ _id: 'counter', _type: 'note', count: 0 });
    await Promise.all(Array.from({ length: 50 }, () => t.editor.patch('counter').inc({ count: 1 }).commit()));
    expect((await t.editor.getDocument('counter'))?.count).toBe(50);
  });
});

describe('delete and options', () => {
  it('delete by id and by query', async () => {
    await t.editor.transaction().create({ _id: 'd1', _type: 'gone' }).create({ _id: 'd2', _type: 'gone' }).commit();
    await t.editor.delete('d1');
    expect(await t.editor.getDocument('d1')).toBeUndefined();
    const { body } = await mutate({ mutations: [{ delete: { query: '*[_type == "gone"]' } }] });
    expect(body.results).toEqual([expect.objectContaining({ id: 'd2', operation: 'delete' })]);
    expect(await t.editor.fetch('count(*[_type == "gone"])')).toBe(0);
  });

  it('refuses to delete a document another one (a draft too) refers to strongly; weak references do not block', async () => {
    await t.editor
      .transaction()
      .create({ _id: 'quote-kept', _type: 'quote' })
      .create({
        _id: 'story-cites',
        _type: 'story',
        body: [{ _key: 'a', quote: { _type: 'reference', _ref: 'quote-kept' } }],
      })
      .create({ _id: 'drafts.story-cites2', _type: 'story', related: [{ _type: 'reference', _ref: 'quote-kept' }] })
      .create({ _id: 'story-weak', _type: 'story', lead: { _type: 'reference', _ref: 'quote-kept', _weak: true } })
      .commit();
    const { status, body } = await mutate({
      mutations: [{ create: { _id: 'unrelated', _type: 'note' } }, { delete: { id: 'quote-kept' } }],
    });
    expect(status).toBe(409);
    expect(body).toMatchObject({
      error: {
        type: 'mutationError',
        items: [
          {
            index: 1,
            error: {
              type: 'documentHasExistingReferencesError',
              id: 'quote-kept',
              referencingIDs: ['drafts.story-cites2', 'story-cites'],
              description:
                'Document "quote-kept" cannot be deleted as there are references to it from "drafts.story-cites2"',
            },
          },
        ],
      },
    });
    expect(await t.editor.getDocument('quote-kept')).toBeDefined();
    expect(await t.editor.getDocument('unrelated')).toBeUndefined();
    // Deleting the referring documents in the same transaction is fine: only what is left counts.
    await t.editor.transaction().delete('story-cites').delete('drafts.story-cites2').delete('quote-kept').commit();
    expect(await t.editor.getDocument('quote-kept')).toBeUndefined();
  });

  const dangling = (index: number, id: string, referenceID: string) => ({
    error: {
      type: 'mutationError',
      items: [
        {
          index,
          error: {
            type: 'documentReferenceDoesNotExistError',
            id,
            referenceID,
            description: `Document "${id}" references non-existent document "${referenceID}"`,
          },
        },
      ],
    },
  });

  it('refuses a strong reference to a document that does not exist, naming both, and applies nothing', async () => {
    const failure = await rejection(
      t.editor
        .transaction()
        .create({ _id: 'story-dangling-ok', _type: 'story' })
        .create({
          _id: 'story-dangling',
          _type: 'story',
          body: [{ _key: 'a', quote: { _type: 'reference', _ref: 'quote-nowhere' } }],
        })
        .commit(),
    );
    expect(failure.statusCode).toBe(409);
    expect(failure.body).toMatchObject(dangling(1, 'story-dangling', 'quote-nowhere'));
    expect(failure.message).toContain('Document "story-dangling" references non-existent document "quote-nowhere"');
    expect(await t.editor.getDocument('story-dangling-ok')).toBeUndefined();

    // A patch that adds one is refused at its own index; the document keeps its content.
    await t.editor.create({ _id: 'story-patched', _type: 'story', headline: 'kept' });
    const { status, body } = await mutate({
      mutations: [
        { patch: { id: 'story-patched', set: { headline: 'changed' } } },
        { patch: { id: 'story-patched', set: { lead: { _type: 'reference', _ref: 'person-nowhere' } } } },
      ],
    });
    expect(status).toBe(409);
    expect(body).toMatchObject(dangling(1, 'story-patched', 'person-nowhere'));
    expect(await t.editor.getDocument('story-patched')).toMatchObject({ headline: 'kept' });
    expect(await t.editor.getDocument('story-patched')).not.toHaveProperty('lead');
  });

  it('checks drafts too, where a target that exists only as a draft does not count', async () => {
    await t.editor.create({ _id: 'drafts.person-unpublished', _type: 'person' });
    const strong = { _type: 'reference', _ref: 'person-unpublished' };
    const failure = await rejection(t.editor.create({ _id: 'drafts.story-byline', _type: 'story', lead: strong }));
    expect(failure.statusCode).toBe(409);
    expect(failure.body).toMatchObject(dangling(0, 'drafts.story-byline', 'person-unpublished'));
    // What the Studio writes instead: the reference weak until publish.
    await t.editor.create({
      _id: 'drafts.story-byline',
      _type: 'story',
      lead: { ...strong, _weak: true, _strengthenOnPublish: { type: 'person' } },
    });
    expect(await t.editor.getDocument('drafts.story-byline')).toBeDefined();
  });

  it('accepts weak, cross-dataset and release-version references to nothing, and targets the same transaction creates', async () => {
    await t.editor
      .transaction()
      .create({
        _id: 'story-refs-ok',
        _type: 'story',
        lead: { _type: 'reference', _ref: 'quote-created-later' },
        weak: { _type: 'reference', _ref: 'gone', _weak: true },
        other: { _type: 'reference', _ref: 'gone', _dataset: 'archive', _projectId: 'local' },
        draft: { _type: 'reference', _ref: 'drafts.person-unpublished' },
      })
      .create({ _id: 'quote-created-later', _type: 'quote' })
      .create({ _id: 'versions.rSpring.story-v', _type: 'story', lead: { _type: 'reference', _ref: 'story-v' } })
      .commit();
    expect(await t.editor.getDocument('story-refs-ok')).toBeDefined();
    expect(await t.editor.getDocument('versions.rSpring.story-v')).toBeDefined();
  });

  it('dryRun answers as if applied but stores nothing', async () => {
    const { body } = await mutate(
      { mutations: [{ create: { _id: 'dry', _type: 'note' } }] },
      'dryRun=true&returnIds=true',
    );
    expect(body.documentIds).toEqual(['dry']);
    expect(await t.editor.getDocument('dry')).toBeUndefined();
  });

  it('autoGenerateArrayKeys gives unkeyed array objects a _key', async () => {
    const { body } = await mutate(
      { mutations: [{ create: { _id: 'keys', _type: 'note', list: [{ a: 1 }, { _key: 'kept', a: 2 }, 'plain'] } }] },
      'returnDocuments=true&autoGenerateArrayKeys=true',
    );
    expect(body.results[0]?.document.list).toEqual([
      { _key: expect.stringMatching(/^[a-f0-9]{12}$/), a: 1 },
      { _key: 'kept', a: 2 },
      'plain',
    ]);
  });

  it('without returnDocuments the results carry ids and operations only', async () => {
    const { body } = await mutate({ mutations: [{ create: { _id: 'plain-result', _type: 'note' } }] }, '');
    expect(body).toEqual({ transactionId: expect.any(String), results: [{ id: 'plain-result', operation: 'create' }] });
  });
});

describe('onTransaction', () => {
  it('fires after commit with identity and per-document before/after', async () => {
    events.length = 0;
    await t.editor.createOrReplace({ _id: 'watched', _type: 'note', v: 1 });
    const updated = await t.editor.patch('watched').set({ v: 2 }).commit();
    await t.editor.delete('watched');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toHaveLength(3);
    const [created, patched, deleted] = events;
    expect(created?.identity).toBe('robot-test-editor');
    expect(created?.documents).toEqual([
      expect.objectContaining({ id: 'watched', before: null, resultRev: created?.id }),
    ]);
    expect(patched?.id).toBe(updated._rev);
    expect(patched?.documents[0]?.before).toMatchObject({ v: 1 });
    expect(patched?.documents[0]?.after).toMatchObject({ v: 2 });
    expect(patched?.documents[0]?.previousRev).toBe(created?.id);
    expect(deleted?.documents[0]).toMatchObject({ after: null, previousRev: patched?.id });
    expect(patched?.mutations).toEqual([{ patch: { id: 'watched', set: { v: 2 } } }]);
    expect(patched?.timestamp).toBe(updated._updatedAt);
  });
});
