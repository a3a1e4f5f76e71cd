// POST /data/actions with the payloads Studio 6.9.2 sends (studio-shapes.md
// §8), through the real @sanity/client: one transaction per request,
// revision checks that lose nothing, and Sanity-shaped errors.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { SanityClient } from '@sanity/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransactionEvent } from '../../lake/index.ts';
import { rejection, startTestLake, type TestLake } from '../helpers/lake.ts';
import { ROOT } from '../helpers/site-build.ts';

let t: TestLake;
let editor: SanityClient;
const A = 'sanity.action.document.';

beforeAll(async () => {
  t = await startTestLake();
  editor = t.editor;
});
afterAll(() => t.close());

/** Runs the actions and returns the transaction the lake committed for them. */
async function act(actions: unknown[], options: { transactionId?: string; dryRun?: boolean } = {}) {
  const committed = new Promise<TransactionEvent>((resolve) => {
    const stop = t.lake.onTransaction((event) => {
      stop();
      resolve(event);
    });
  });
  const reply = await editor.action(actions as never, options);
  return { reply, event: options.dryRun ? undefined : await committed };
}

const get = (id: string) => editor.getDocument(id);

async function seedPublished(id: string, fields: Record<string, unknown> = {}) {
  await editor.createOrReplace({ _id: id, _type: 'story', headline: `${id} v1`, ...fields });
  return (await get(id))?._rev as string;
}

/** The body of an actions request refused at action `index` with an item error matching `error`. */
const refusedAt = (index: number, error: Record<string, unknown>) => ({
  error: { type: 'actionError', items: [{ index, error }] },
});

describe('edit', () => {
  it('copies the published document into a draft, applies every patch in order, as one transaction with the client id as _rev', async () => {
    await seedPublished('e1', { tags: ['a'] });
    const published = await get('e1');
    const transactionId = randomUUID();
    const { reply, event } = await act(
      [
        {
          actionType: `${A}edit`,
          draftId: 'drafts.e1',
          publishedId: 'e1',
          patch: { unset: ['_empty_action_guard_pseudo_field_'] },
        },
        { actionType: `${A}edit`, draftId: 'drafts.e1', publishedId: 'e1', patch: { set: { headline: 'Edited' } } },
        {
          actionType: `${A}edit`,
          draftId: 'drafts.e1',
          publishedId: 'e1',
          patch: { diffMatchPatch: { headline: '@@ -1,6 +1,7 @@\n Edited\n+!\n' } },
        },
      ],
      { transactionId },
    );
    expect(reply).toEqual({ transactionId });
    const draft = await get('drafts.e1');
    expect(draft).toMatchObject({
      headline: 'Edited!',
      tags: ['a'],
      _rev: transactionId,
      _createdAt: published?._createdAt,
    });
    expect(await get('e1')).toEqual(published);
    expect(event?.documents.map((d) => d.id)).toEqual(['drafts.e1']);
    expect(event?.identity).toBe('robot-test-editor');
  });

  it('is a 409 naming the document when neither draft nor published exists', async () => {
    const failure = await rejection(
      editor.action({
        actionType: `${A}edit`,
        draftId: 'drafts.ghost',
        publishedId: 'ghost',
        patch: { set: { a: 1 } },
      } as never),
    );
    expect(failure.statusCode).toBe(409);
    expect(failure.body.error).toMatchObject({
      type: 'actionError',
      items: [{ index: 0, error: { type: 'documentNotFoundError' } }],
    });
    expect(failure.message).toContain('"ghost" does not exist');
  });

  it('refuses an edit that gives the draft a strong reference to a document that does not exist', async () => {
    await seedPublished('e3');
    const edit = (set: Record<string, unknown>) => ({
      actionType: `${A}edit`,
      draftId: 'drafts.e3',
      publishedId: 'e3',
      patch: { set },
    });
    const failure = await rejection(
      editor.action([
        edit({ headline: 'mine' }),
        edit({ lead: { _type: 'reference', _ref: 'person-ghost' } }),
      ] as never),
    );
    expect(failure.statusCode).toBe(409);
    expect(failure.body).toMatchObject(
      refusedAt(1, { type: 'documentReferenceDoesNotExistError', id: 'drafts.e3', referenceID: 'person-ghost' }),
    );
    expect(await get('drafts.e3')).toBeUndefined();
  });

  it('a stale ifRevisionID in a patch is a 409 and the draft keeps every earlier edit', async () => {
    await seedPublished('e2');
    await act([
      { actionType: `${A}edit`, draftId: 'drafts.e2', publishedId: 'e2', patch: { set: { headline: 'mine' } } },
    ]);
    const before = await get('drafts.e2');
    const failure = await rejection(
      editor.action([
        { actionType: `${A}edit`, draftId: 'drafts.e2', publishedId: 'e2', patch: { set: { dek: 'x' } } },
        {
          actionType: `${A}edit`,
          draftId: 'drafts.e2',
          publishedId: 'e2',
          patch: { ifRevisionID: 'stale', set: { headline: 'theirs' } },
        },
      ] as never),
    );
    expect(failure.statusCode).toBe(409);
    expect(failure.body.error).toMatchObject({
      items: [{ index: 1, error: { type: 'documentRevisionMismatchError' } }],
    });
    expect(await get('drafts.e2')).toEqual(before);
  });
});

describe('create', () => {
  it('creates the draft, ignoring the client _rev and _createdAt, and 409s (or ignores) when it exists', async () => {
    const transactionId = randomUUID();
    await act(
      [
        {
          actionType: `${A}create`,
          publishedId: 'c1',
          attributes: {
            _id: 'drafts.c1',
            _type: 'story',
            headline: 'New',
            _createdAt: '2000-01-01T00:00:00Z',
            _rev: 'client-rev',
          },
          ifExists: 'fail',
        },
      ],
      { transactionId },
    );
    const draft = await get('drafts.c1');
    expect(draft).toMatchObject({ headline: 'New', _rev: transactionId });
    expect(draft?._createdAt).not.toBe('2000-01-01T00:00:00Z');
    const again = {
      actionType: `${A}create`,
      publishedId: 'c1',
      attributes: { _id: 'drafts.c1', _type: 'story' },
      ifExists: 'fail',
    };
    const failure = await rejection(editor.action(again as never));
    expect(failure.statusCode).toBe(409);
    expect(failure.message).toContain('"drafts.c1" already exists');
    await editor.action({ ...again, ifExists: 'ignore' } as never);
    expect((await get('drafts.c1'))?._rev).toBe(transactionId);
  });
});

describe('publish', () => {
  it('makes the draft the published document and deletes the draft in one transaction', async () => {
    const rev = await seedPublished('p1');
    await act([
      { actionType: `${A}edit`, draftId: 'drafts.p1', publishedId: 'p1', patch: { set: { headline: 'Ready' } } },
    ]);
    const draft = await get('drafts.p1');
    // The Studio sends no transactionId with publish.
    const { reply, event } = await act([
      { actionType: `${A}publish`, draftId: 'drafts.p1', publishedId: 'p1', ifPublishedRevisionId: rev },
    ]);
    const published = await get('p1');
    expect(published).toMatchObject({
      _id: 'p1',
      headline: 'Ready',
      _rev: reply.transactionId,
      _createdAt: draft?._createdAt,
    });
    expect(await get('drafts.p1')).toBeUndefined();
    expect(event?.documents.map((d) => [d.id, d.after === null])).toEqual(
      expect.arrayContaining([
        ['p1', false],
        ['drafts.p1', true],
      ]),
    );
    expect(event?.documents).toHaveLength(2);
  });

  it('strengthens the references the Studio marked _strengthenOnPublish, except those meant to stay weak', async () => {
    // A byline person created from inside the reference field: the draft refers
    // to it weakly until publish, as the Studio writes it.
    await editor.create({ _id: 'person-new', _type: 'person', name: 'New Person' });
    const marker = { type: 'person', template: { id: 'person' } };
    await editor.create({
      _id: 'drafts.p4',
      _type: 'story',
      bylines: [
        { _key: 'b1', person: { _type: 'reference', _ref: 'person-new', _weak: true, _strengthenOnPublish: marker } },
      ],
      related: [
        {
          _key: 'r1',
          _type: 'reference',
          _ref: 'person-new',
          _weak: true,
          _strengthenOnPublish: { ...marker, weak: true },
        },
        { _key: 'r2', _type: 'reference', _ref: 'person-new', _weak: true },
      ],
    });
    await act([{ actionType: `${A}publish`, draftId: 'drafts.p4', publishedId: 'p4' }]);
    const published = await get('p4');
    expect(published?.bylines).toEqual([{ _key: 'b1', person: { _type: 'reference', _ref: 'person-new' } }]);
    expect(published?.related).toEqual([
      { _key: 'r1', _type: 'reference', _ref: 'person-new', _weak: true },
      { _key: 'r2', _type: 'reference', _ref: 'person-new', _weak: true },
    ]);
  });

  it('refuses to publish a strengthened reference to a document that is not published, changing nothing', async () => {
    await editor.create({ _id: 'drafts.person-draft-only', _type: 'person' });
    const byline = {
      _type: 'reference',
      _ref: 'person-draft-only',
      _weak: true,
      _strengthenOnPublish: { type: 'person' },
    };
    await editor.create({ _id: 'drafts.p5', _type: 'story', lead: byline });
    const failure = await rejection(
      editor.action([
        { actionType: `${A}create`, publishedId: 'p5-other', attributes: { _id: 'drafts.p5-other', _type: 'story' } },
        { actionType: `${A}publish`, draftId: 'drafts.p5', publishedId: 'p5' },
      ] as never),
    );
    expect(failure.statusCode).toBe(409);
    expect(failure.body).toMatchObject(
      refusedAt(1, { type: 'documentReferenceDoesNotExistError', id: 'p5', referenceID: 'person-draft-only' }),
    );
    expect(failure.message).toContain('Document "p5" references non-existent document "person-draft-only"');
    expect([await get('p5'), await get('drafts.p5-other')]).toEqual([undefined, undefined]);
    expect((await get('drafts.p5'))?.lead).toEqual(byline);
  });

  it('a stale ifPublishedRevisionId is a 409 the Studio can show, and loses neither draft nor published', async () => {
    await seedPublished('p2');
    await act([
      { actionType: `${A}edit`, draftId: 'drafts.p2', publishedId: 'p2', patch: { set: { headline: 'Mine' } } },
    ]);
    const [draft, published] = [await get('drafts.p2'), await get('p2')];
    const failure = await rejection(
      editor.action({
        actionType: `${A}publish`,
        draftId: 'drafts.p2',
        publishedId: 'p2',
        ifPublishedRevisionId: 'old',
      } as never),
    );
    expect(failure.statusCode).toBe(409);
    expect(failure.message).toMatch(/^Action 0 failed and nothing was changed:\n- Document "p2" has revision/);
    expect([await get('drafts.p2'), await get('p2')]).toEqual([draft, published]);
  });

  it('checks ifDraftRevisionId, and refuses to publish when there is no draft', async () => {
    await seedPublished('p3');
    await act([{ actionType: `${A}edit`, draftId: 'drafts.p3', publishedId: 'p3', patch: { set: { x: 1 } } }]);
    const stale = await rejection(
      editor.action({
        actionType: `${A}publish`,
        draftId: 'drafts.p3',
        publishedId: 'p3',
        ifDraftRevisionId: 'nope',
      } as never),
    );
    expect(stale.statusCode).toBe(409);
    const none = await rejection(
      editor.action({ actionType: `${A}publish`, draftId: 'drafts.p0', publishedId: 'p0' } as never),
    );
    expect(none.statusCode).toBe(409);
    expect(none.message).toContain('there is no draft');
  });
});

describe('unpublish, delete, discard', () => {
  it('unpublish keeps the content as a draft and deletes the published document', async () => {
    await seedPublished('u1', { dek: 'kept' });
    await act([{ actionType: `${A}unpublish`, draftId: 'drafts.u1', publishedId: 'u1' }]);
    expect(await get('u1')).toBeUndefined();
    expect(await get('drafts.u1')).toMatchObject({ dek: 'kept', headline: 'u1 v1' });
  });

  it('delete removes the published document and the listed drafts; an unlisted draft is refused, not orphaned', async () => {
    await seedPublished('d1');
    await act([{ actionType: `${A}edit`, draftId: 'drafts.d1', publishedId: 'd1', patch: { set: { x: 1 } } }]);
    const refused = await rejection(
      editor.action({ actionType: `${A}delete`, publishedId: 'd1', includeDrafts: [] } as never),
    );
    expect(refused.statusCode).toBe(409);
    expect(await get('d1')).toBeDefined();
    await editor.action({ actionType: `${A}delete`, publishedId: 'd1', includeDrafts: ['drafts.d1'] } as never, {
      skipCrossDatasetReferenceValidation: true,
    });
    expect([await get('d1'), await get('drafts.d1')]).toEqual([undefined, undefined]);
  });

  it('unpublish and delete are refused while another document refers to the published one strongly', async () => {
    await seedPublished('ref1');
    await editor.create({ _id: 'ref2', _type: 'story', related: [{ _key: 'k', _type: 'reference', _ref: 'ref1' }] });
    for (const action of [
      { actionType: `${A}unpublish`, draftId: 'drafts.ref1', publishedId: 'ref1' },
      { actionType: `${A}delete`, publishedId: 'ref1', includeDrafts: [] },
    ]) {
      const failure = await rejection(editor.action(action as never));
      expect(failure.statusCode).toBe(409);
      expect(failure.body).toMatchObject(
        refusedAt(0, { type: 'documentHasExistingReferencesError', id: 'ref1', referencingIDs: ['ref2'] }),
      );
      expect(failure.message).toContain('Document "ref1" cannot be deleted as there are references to it from "ref2"');
    }
    expect(await get('ref1')).toBeDefined();
    expect(await get('drafts.ref1')).toBeUndefined();
  });

  it('the seed story, which its quotes name as their source, can be unpublished and deleted', async () => {
    await t.lake.import(join(ROOT, 'content'));
    const id = 'story-irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';
    expect(await editor.fetch('count(*[_type == "quote" && story._ref == $id])', { id })).toBeGreaterThan(0);
    await act([{ actionType: `${A}unpublish`, draftId: `drafts.${id}`, publishedId: id }]);
    expect(await get(id)).toBeUndefined();
    await act([{ actionType: `${A}delete`, publishedId: id, includeDrafts: [`drafts.${id}`] }]);
    expect(await get(`drafts.${id}`)).toBeUndefined();
  });

  it('discard and version.discard delete a draft; discarding a missing one is a 409', async () => {
    await editor.create({ _id: 'drafts.x1', _type: 'story' });
    await editor.create({ _id: 'drafts.x2', _type: 'story' });
    await act([
      { actionType: `${A}discard`, draftId: 'drafts.x1' },
      { actionType: `${A}version.discard`, versionId: 'drafts.x2' },
    ]);
    expect([await get('drafts.x1'), await get('drafts.x2')]).toEqual([undefined, undefined]);
    const failure = await rejection(editor.action({ actionType: `${A}discard`, draftId: 'drafts.x1' } as never));
    expect(failure.statusCode).toBe(409);
  });
});

describe('replaceDraft (history restore)', () => {
  it('replaces the draft, ignoring the stale _rev and _createdAt of the old revision', async () => {
    await seedPublished('r1');
    const original = await get('r1');
    const { reply } = await act([
      {
        actionType: `${A}replaceDraft`,
        publishedId: 'r1',
        attributes: {
          _id: 'drafts.r1',
          _type: 'story',
          headline: 'Restored',
          _rev: 'stale-rev',
          _createdAt: '1999-01-01T00:00:00Z',
        },
      },
    ]);
    expect(await get('drafts.r1')).toMatchObject({
      headline: 'Restored',
      _rev: reply.transactionId,
      _createdAt: original?._createdAt,
    });
  });

  it('create + replaceDraft in one request restores a deleted document atomically', async () => {
    const attributes = { _id: 'drafts.gone', _type: 'story', headline: 'Back', _rev: 'old' };
    const { event } = await act([
      { actionType: `${A}create`, publishedId: 'gone', attributes, ifExists: 'fail' },
      { actionType: `${A}replaceDraft`, publishedId: 'gone', attributes },
    ]);
    expect(event?.documents).toHaveLength(1);
    expect(await get('drafts.gone')).toMatchObject({ headline: 'Back' });
  });
});

describe('requests as a whole', () => {
  it('dryRun answers as usual and changes nothing', async () => {
    const reply = await editor.action(
      {
        actionType: `${A}create`,
        publishedId: 'dry',
        attributes: { _id: 'drafts.dry', _type: 'story' },
        ifExists: 'fail',
      } as never,
      { dryRun: true },
    );
    expect(reply.transactionId).toEqual(expect.any(String));
    expect(await get('drafts.dry')).toBeUndefined();
  });

  it('is atomic: a failing action undoes the ones before it', async () => {
    const failure = await rejection(
      editor.action([
        { actionType: `${A}create`, publishedId: 'atom', attributes: { _id: 'drafts.atom', _type: 'story' } },
        { actionType: `${A}publish`, draftId: 'drafts.atom', publishedId: 'atom', ifPublishedRevisionId: 'x' },
      ] as never),
    );
    expect(failure.body.error).toMatchObject({ items: [{ index: 1 }] });
    expect(await get('drafts.atom')).toBeUndefined();
  });

  it('a reused transactionId is a 409', async () => {
    const transactionId = randomUUID();
    const create = (id: string) => ({
      actionType: `${A}create`,
      publishedId: id,
      attributes: { _id: `drafts.${id}`, _type: 'story' },
    });
    await editor.action(create('t1') as never, { transactionId });
    const failure = await rejection(editor.action(create('t2') as never, { transactionId }));
    expect(failure.statusCode).toBe(409);
    expect(await get('drafts.t2')).toBeUndefined();
  });

  it('viewers and anonymous callers are refused with 403', async () => {
    const action = { actionType: `${A}create`, publishedId: 'v', attributes: { _id: 'drafts.v', _type: 'story' } };
    for (const client of [t.viewer, t.anonymous]) {
      const failure = await rejection(client.action(action as never));
      expect(failure.statusCode).toBe(403);
      expect(failure.body.error).toMatchObject({ items: [{ error: { type: 'insufficientPermissionsError' } }] });
    }
  });

  it.each([
    [{ actionType: `${A}teleport` }, 'actionType: unknown action type "sanity.action.document.teleport"'],
    [{ draftId: 'drafts.a' }, 'actionType: unknown action type undefined'],
    [{ actionType: `${A}edit`, draftId: 'drafts.a', publishedId: 'a' }, 'patch:'],
    [
      { actionType: `${A}edit`, draftId: 'drafts.b', publishedId: 'a', patch: {} },
      'draftId: "drafts.b" is not a version of publishedId "a"',
    ],
    [{ actionType: `${A}publish`, draftId: 'a', publishedId: 'a' }, 'draftId: "a" is a published id'],
    [{ actionType: `${A}create`, publishedId: 'drafts.a', attributes: {} }, 'publishedId: "drafts.a" is a draft'],
    [{ actionType: `${A}delete`, publishedId: 'a', includeDrafts: 'drafts.a' }, 'includeDrafts:'],
    [{ actionType: `${A}discard`, draftId: 42 }, 'draftId:'],
    ['not an object', 'action: each action must be an object'],
  ])('a malformed action is a 400 naming the action index and field (%j)', async (action, message) => {
    const ok = { actionType: `${A}create`, publishedId: 'ok', attributes: { _id: 'drafts.ok', _type: 'story' } };
    const failure = await rejection(editor.action([ok, action] as never));
    expect(failure.statusCode).toBe(400);
    expect(failure.body.error).toMatchObject({ type: 'actionError', items: [{ index: 1 }] });
    expect(failure.message).toContain(message);
    expect(await get('drafts.ok')).toBeUndefined();
  });

  it('a body without actions is a 400 that says what to send', async () => {
    for (const body of [{}, { actions: [] }, { actions: 'x' }, { actions: [{}], transactionId: 'has spaces' }]) {
      const response = await t.fetch('/v2025-02-19/data/actions/production', {
        method: 'POST',
        headers: { authorization: `Bearer ${t.tokens.editor}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { type: string } }).error.type).toBe('actionError');
    }
  });
});

describe('/data/mutate as the Studio uses it', () => {
  it('duplicate: create with returnDocuments and visibility=sync answers results[0].document, ignoring the stale _rev', async () => {
    const id = `drafts.${randomUUID()}`;
    // The exact request the Studio's duplicate sends (its bundled client 7.28 reads the raw body).
    const body = (await editor.request({
      url: '/data/mutate/production?tag=sanity.studio.document.duplicate&returnIds=true&returnDocuments=true&visibility=sync',
      method: 'POST',
      body: { mutations: [{ create: { _id: id, _type: 'story', headline: 'Copy', _rev: 'stale' } }] },
    })) as { transactionId: string; results: { id: string; document: { _rev: string } }[] };
    expect(body.results[0]).toMatchObject({ id, operation: 'create', document: { _id: id, headline: 'Copy' } });
    expect(body.results[0]?.document._rev).toBe(body.transactionId);
  });
});
