// Local editor accounts, the first-run editor and the /users endpoints, as
// the Studio and @sanity/client see them over HTTP.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_EDITOR_FILE } from '../../lake/auth/first-editor.ts';
import { createEditor, ensureUserTables } from '../../lake/auth/user-store.ts';
import { startLake } from '../../lake/index.ts';
import { lakeClient, rejection, startTestLake, type TestLake } from '../helpers/lake.ts';

let t: TestLake;
let jane: { id: string; token: string };

beforeAll(async () => {
  t = await startTestLake();
  const db = (await import('../../lake/index.ts')).openDatabase(t.dataDir);
  try {
    ensureUserTables(db);
    const created = createEditor(db, { name: 'Jane Doe', email: 'jane@example.com' });
    jane = { id: created.editor.id, token: created.token };
  } finally {
    db.close();
  }
});

afterAll(() => t.close());

const as = (token?: string) => t.client(token ? { token } : {});

describe('GET /users/me', () => {
  it('answers an editor with what the Studio needs to count them as logged in', async () => {
    const me = await as(jane.token).request({ url: '/users/me' });
    expect(me).toEqual({
      id: jane.id,
      name: 'Jane Doe',
      email: 'jane@example.com',
      profileImage: null,
      provider: 'lake',
      role: 'editor',
      roles: [{ name: 'editor', title: 'Editor' }],
    });
    expect(me.provider).not.toBe('sanity-token');
  });

  it('is 401 without a token, in the gateway shape, with no errorCode (login screen, nothing cleared)', async () => {
    const failure = await rejection(as().request({ url: '/users/me' }));
    expect(failure.statusCode).toBe(401);
    expect(failure.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(failure.body.errorCode).toBeUndefined();
  });

  it('is 401 SIO-401-ANF for an unknown token (the Studio forgets it and shows the login screen)', async () => {
    const failure = await rejection(as('x'.repeat(40)).request({ url: '/users/me' }));
    expect(failure.statusCode).toBe(401);
    expect(failure.body.errorCode).toBe('SIO-401-ANF');
  });
});

describe('GET /users/<ids>', () => {
  it('returns profiles in request order with null for unknown ids, robots and system identities named', async () => {
    const users = await as(jane.token).request({ url: `/users/${jane.id},nobody,robot-test-editor,import` });
    expect(users).toEqual([
      { id: jane.id, displayName: 'Jane Doe', email: 'jane@example.com' },
      null,
      { id: 'robot-test-editor', displayName: 'test-editor' },
      { id: 'import', displayName: 'Dataset import' },
    ]);
  });
});

describe('/users/me/keyvalue', () => {
  it('stores values per user and returns null for keys never set', async () => {
    const key = 'studio.structure-tool.layout.story';
    const put = await as(jane.token).request({
      url: '/users/me/keyvalue',
      method: 'PUT',
      body: [{ key, value: { panes: [1, 2] } }],
    });
    expect(put).toEqual([{ key, value: { panes: [1, 2] } }]);
    expect(await as(jane.token).request({ url: `/users/me/keyvalue/${key},studio.announcement.seen` })).toEqual([
      { key, value: { panes: [1, 2] } },
      { key: 'studio.announcement.seen', value: null },
    ]);
    expect(await as(t.tokens.editor).request({ url: `/users/me/keyvalue/${key}` })).toEqual([{ key, value: null }]);
  });

  it('refuses a body that is not a list of {key, value}', async () => {
    const failure = await rejection(
      as(jane.token).request({ url: '/users/me/keyvalue', method: 'PUT', body: { key: 'k' } }),
    );
    expect(failure.statusCode).toBe(400);
    expect(failure.message).toContain('The keyvalue body must be');
  });
});

describe('authorship', () => {
  it("records the editor's user id as the transaction author", async () => {
    const seen = new Promise<string>((resolve) => {
      const stop = t.lake.onTransaction((event) => {
        stop();
        resolve(event.identity);
      });
    });
    await as(jane.token).create({ _id: 'drafts.by-jane', _type: 'note' });
    expect(await seen).toBe(jane.id);
  });
});

describe('the first-run editor', () => {
  it('is made when a lake starts with no editors: an administrator whose token file only its owner can read', async () => {
    const dataDir = join(t.dataDir, 'fresh');
    const lake = await startLake({ dataDir, onError: () => {} });
    try {
      const file = join(dataDir, FIRST_EDITOR_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const token = readFileSync(file, 'utf8').trim();
      expect(token.length).toBeGreaterThanOrEqual(32);
      const me = await lakeClient(lake, { token }).request({ url: '/users/me' });
      expect(me).toMatchObject({ name: 'Editor', role: 'administrator', roles: [{ name: 'administrator' }] });
    } finally {
      await lake.close();
    }
    const again = await startLake({ dataDir, onError: () => {} });
    await again.close();
    const list = execFileSync(process.execPath, ['scripts/editor.ts', 'list', '--json', '--data-dir', dataDir], {
      encoding: 'utf8',
    });
    expect(JSON.parse(list)).toHaveLength(1);
  });
});

describe('scripts/editor.ts', () => {
  const editor = (...args: string[]) =>
    execFileSync(process.execPath, ['scripts/editor.ts', ...args, '--data-dir', t.dataDir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('create prints a Studio login link whose token logs in; revoke ends it at once', async () => {
    const link = editor('create', '--name', 'Sam Roe', '--email', 'sam@example.com', '--role', 'administrator').trim();
    const match = /^http:\/\/localhost:3333\/#token=([^&]{32,})$/.exec(link);
    expect(match).not.toBeNull();
    const token = decodeURIComponent(match?.[1] ?? '');
    expect(await as(token).request({ url: '/users/me' })).toMatchObject({ name: 'Sam Roe', role: 'administrator' });
    const second = /#token=(.+)$/.exec(editor('login', 'sam@example.com').trim())?.[1] ?? '';
    expect(second).not.toBe(match?.[1]);
    editor('revoke', 'sam@example.com');
    expect((await rejection(as(token).request({ url: '/users/me' }))).statusCode).toBe(401);
    expect((await rejection(as(decodeURIComponent(second)).request({ url: '/users/me' }))).statusCode).toBe(401);
    // Revoked people keep their name in history.
    const [revoked] = await as(jane.token).request({ url: `/users/${JSON.parse(editor('list', '--json')).at(-1).id}` });
    expect(revoked).toMatchObject({ displayName: 'Sam Roe' });
  });

  it('scripts/token.ts create --editor gives a raw token that acts as the account', async () => {
    const created = JSON.parse(
      execFileSync(
        process.execPath,
        ['scripts/token.ts', 'create', '--editor', 'jane@example.com', '--json', '--data-dir', t.dataDir],
        {
          encoding: 'utf8',
        },
      ),
    ) as { token: string; role: string };
    expect(created.role).toBe('editor');
    expect(await as(created.token).request({ url: '/users/me' })).toMatchObject({ id: jane.id, name: 'Jane Doe' });
  });

  it('refuses a second account with the same e-mail and a bad e-mail, naming the problem', () => {
    const run = (args: string[]) => {
      try {
        editor(...args);
        return '';
      } catch (error) {
        return String((error as { stderr: string }).stderr);
      }
    };
    expect(run(['create', '--name', 'J', '--email', 'JANE@example.com'])).toContain('already exists');
    expect(run(['create', '--name', 'J', '--email', 'not-an-email'])).toContain('--email');
  });
});
