import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, startTestLake, type TestLake } from '../helpers/lake.ts';

let t: TestLake;

beforeAll(async () => {
  t = await startTestLake();
  await t.editor
    .transaction()
    .create({ _id: 'pub', _type: 'note' })
    .create({ _id: 'drafts.pub', _type: 'note' })
    .commit();
});

afterAll(() => t.close());

describe('who may read', () => {
  it('doc endpoint: anonymous gets published documents; drafts are omitted with reason "permission"', async () => {
    const body = await t.anonymous.request({ url: '/data/doc/production/pub,drafts.pub,missing' });
    expect(body.documents.map((d: { _id: string }) => d._id)).toEqual(['pub']);
    expect(body.omitted).toEqual([
      { id: 'drafts.pub', reason: 'permission' },
      { id: 'missing', reason: 'existence' },
    ]);
  });

  it('doc endpoint: a viewer token reads drafts', async () => {
    expect(await t.viewer.getDocuments(['pub', 'drafts.pub', 'missing'])).toEqual([
      expect.objectContaining({ _id: 'pub' }),
      expect.objectContaining({ _id: 'drafts.pub' }),
      null,
    ]);
  });

  it('doc endpoint: includeAllVersions returns the published document with its draft', async () => {
    const docs = await t.viewer.getDocument('pub', { includeAllVersions: true });
    expect(docs.map((d) => d._id)).toEqual(['drafts.pub', 'pub']);
  });
});

describe('who may write', () => {
  it('anonymous writes are refused with insufficient permissions and change nothing', async () => {
    const failure = await rejection(t.anonymous.create({ _id: 'anon', _type: 'note' }));
    expect(failure.statusCode).toBe(403);
    expect(failure.body.error).toMatchObject({
      type: 'mutationError',
      items: [{ error: { type: 'insufficientPermissionsError', permission: 'create' } }],
    });
    expect(await t.viewer.getDocument('anon')).toBeUndefined();
  });

  it('a viewer token cannot write either', async () => {
    const failure = await rejection(t.viewer.patch('pub').set({ x: 1 }).commit());
    expect(failure.statusCode).toBe(403);
    expect(failure.message).toContain('Insufficient permissions; permission "update" required');
  });

  it("an unknown token is 401 in Sanity's gateway shape, for reads too", async () => {
    const bad = t.client({ token: 'sk-not-a-real-token' });
    const failure = await rejection(bad.fetch('*'));
    expect(failure.statusCode).toBe(401);
    expect(failure.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Session not found',
      errorCode: 'SIO-401-ANF',
    });
    expect((await rejection(bad.create({ _type: 'note' }))).statusCode).toBe(401);
  });

  it('tokens record their user as the transaction author', async () => {
    const created = t.lake.tokens.create({
      name: 'jo',
      role: 'editor',
      user: { id: 'user-jo', name: 'Jo', email: 'jo@example.com' },
    });
    const seen = new Promise<string>((resolve) => {
      const stop = t.lake.onTransaction((event) => {
        stop();
        resolve(event.identity);
      });
    });
    await t.client({ token: created.token }).create({ _type: 'note' });
    expect(await seen).toBe('user-jo');
    expect(await t.client({ token: created.token }).fetch('identity()')).toBe('user-jo');
  });

  it('revoking a token takes effect immediately', async () => {
    const created = t.lake.tokens.create({ name: 'short-lived', role: 'editor' });
    const client = t.client({ token: created.token });
    await client.create({ _type: 'note' });
    expect(t.lake.tokens.revoke(created.id)).toHaveLength(1);
    expect((await rejection(client.create({ _type: 'note' }))).statusCode).toBe(401);
  });

  it('only administrators create datasets', async () => {
    expect((await rejection(t.editor.datasets.create('editors-cannot'))).statusCode).toBe(403);
    await t.administrator.datasets.create('second');
    expect((await t.anonymous.datasets.list()).map((d) => d.name)).toEqual(['production', 'second']);
  });
});

describe('scripts/token.ts', () => {
  it('creates a token (printed once), lists it without the secret, and revokes it, against a running lake', async () => {
    const run = (...args: string[]) =>
      execFileSync(process.execPath, ['scripts/token.ts', ...args, '--data-dir', t.dataDir], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const token = run('create', '--name', 'cli-build', '--role', 'editor').trim();
    expect(token).toMatch(/^sk[A-Za-z0-9]{80}$/);
    const doc = await t.client({ token }).create({ _type: 'note', via: 'cli' });
    expect(doc.via).toBe('cli');
    const listed = run('list', '--json');
    expect(listed).toContain('"name":"cli-build"');
    expect(listed).not.toContain(token);
    run('revoke', 'cli-build');
    expect((await rejection(t.client({ token }).fetch('1'))).statusCode).toBe(401);
  });
});
