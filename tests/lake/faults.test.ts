// Bad input to the write endpoints: every malformed action, mutation and
// upload gets a Sanity-shaped 4xx, nothing crashes, and the lake answers the
// next request as usual. Part of it is a small seeded fuzz.
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../scripts/generate/random.ts';
import { startTestLake, type TestLake } from '../helpers/lake.ts';

let t: TestLake;
const unexpected: unknown[] = [];

beforeAll(async () => {
  t = await startTestLake({ maxBodyBytes: 256 * 1024, onError: (_message, error) => unexpected.push(error) });
  await t.editor.createOrReplace({ _id: 'f1', _type: 'story', headline: 'Fixture' });
});
afterAll(() => t.close());

/** Uploads written to disk as they arrived and not (yet) moved into place or removed. */
function spooled(): string[] {
  const dirs = ['images', 'files'].map((kind) => join(t.dataDir, 'assets', 'production', kind));
  return dirs.flatMap((dir) => (existsSync(dir) ? readdirSync(dir) : [])).filter((name) => name.endsWith('.tmp'));
}

async function post(path: string, body: string | Buffer, contentType = 'application/json') {
  const response = await t.fetch(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.tokens.editor}`, 'content-type': contentType },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await response.text();
  let json: { error?: { type?: string; description?: string } } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
}

const ACTIONS = '/v2025-02-19/data/actions/production';
const MUTATE = '/v2025-02-19/data/mutate/production';

describe('malformed requests', () => {
  it.each([
    ['not JSON', '{"actions": ['],
    ['an empty body', ''],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"actions"'],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ])('actions and mutate answer %s with a 400 that describes the problem', async (_name, body) => {
    for (const path of [ACTIONS, MUTATE]) {
      const response = await post(path, body);
      expect(response.status).toBe(400);
      expect(response.json?.error?.description).toEqual(expect.any(String));
    }
  });

  it('a body over the limit is a 413, and the connection still serves the next request', async () => {
    const huge = JSON.stringify({ actions: [{ actionType: 'x', pad: 'x'.repeat(300 * 1024) }] });
    expect((await post(ACTIONS, huge)).status).toBe(413);
    expect((await post(MUTATE, huge)).status).toBe(413);
  });

  it.each([
    [{ mutations: [{ patch: 5 }] }, '"patch" must be an object'],
    [{ mutations: [{ create: 'x' }] }, '"create" must be a document object'],
    [{ mutations: [{ teleport: {} }] }, 'Unknown mutation type "teleport"'],
    [{ mutations: [{ patch: { id: 'f1', set: [] } }] }, '"patch.set" must be an object'],
  ])('mutate refuses %j naming the fault', async (body, message) => {
    const response = await post(MUTATE, JSON.stringify(body));
    expect(response.status).toBe(400);
    expect(response.json?.error?.type).toBe('mutationError');
    expect(response.json?.error?.description).toContain(message);
  });

  it('an upload the client abandons halfway is no unexpected failure: nothing logged, the lake serves on', async () => {
    // The lake logged "POST .../assets/images/production failed Error: aborted" with a stack, per cancelled upload.
    const before = unexpected.length;
    const { port } = new URL(t.lake.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /v2021-06-07/assets/images/production HTTP/1.1\r\nhost: lake\r\n' +
            `authorization: Bearer ${t.tokens.editor}\r\ncontent-type: image/jpeg\r\ncontent-length: 100000\r\n\r\n`,
        );
        socket.write(Buffer.alloc(10_000), () => setTimeout(() => socket.destroy(), 50));
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(unexpected.slice(before)).toEqual([]);
    expect((await t.fetch('/v2021-06-07/ping')).status).toBe(200);
    expect(spooled()).toEqual([]);
  });

  it('an upload over the limit is a 413 and leaves no file behind', async () => {
    const response = await post(
      '/v2021-06-07/assets/files/production?filename=big.bin',
      Buffer.alloc(300 * 1024),
      'application/octet-stream',
    );
    expect(response.status).toBe(413);
    expect(spooled()).toEqual([]);
  });

  it('uploads of junk are refused as assetError, not stored', async () => {
    for (const [path, bytes] of [
      ['/v2026-05-04/assets/images/production?filename=x.png', Buffer.from('not an image')],
      ['/v2026-05-04/assets/images/production?filename=empty.png', Buffer.alloc(0)],
    ] as const) {
      const response = await post(path, bytes, 'image/png');
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.json?.error?.description).toEqual(expect.any(String));
    }
    expect(await t.editor.fetch('count(*[_type == "sanity.imageAsset"])')).toBe(0);
  });
});

describe('a seeded fuzz of actions', () => {
  const TYPES = [
    'edit',
    'create',
    'publish',
    'unpublish',
    'delete',
    'discard',
    'replaceDraft',
    'version.discard',
    'version.create',
    'bogus',
  ];
  const FIELDS = [
    'draftId',
    'publishedId',
    'versionId',
    'patch',
    'attributes',
    'includeDrafts',
    'ifExists',
    'ifPublishedRevisionId',
    'document',
  ];

  it('200 random actions get only 200, 400 or 409, always in Sanity shape, and the lake stays up', async () => {
    // Seeded, so a failure reproduces.
    const next = createRandom(20260504).next;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const value = (): unknown =>
      pick([
        () => 'f1',
        () => 'drafts.f1',
        () => `drafts.fz${Math.floor(next() * 5)}`,
        () => `fz${Math.floor(next() * 5)}`,
        () => null,
        () => 42,
        () => [],
        () => ['drafts.f1'],
        () => ({}),
        () => ({ set: { headline: 'fuzz' } }),
        () => ({ _id: 'drafts.fz1', _type: 'story' }),
        () => 'x'.repeat(300),
        () => true,
      ])();
    const statuses = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      const action: Record<string, unknown> = { actionType: `sanity.action.document.${pick(TYPES)}` };
      for (const field of FIELDS) if (next() < 0.6) action[field] = value();
      const response = await post(ACTIONS, JSON.stringify({ actions: [action] }));
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect([200, 400, 409]).toContain(response.status);
      if (response.status !== 200) {
        expect(response.json?.error).toMatchObject({ type: 'actionError', description: expect.any(String) });
      }
    }
    expect(statuses.get(400)).toBeGreaterThan(0);
    expect(unexpected).toEqual([]);
    expect((await t.fetch('/v2025-02-19/ping')).status).toBe(200);
    // Some random actions legitimately succeed (deleting f1, say); the lake must still answer queries.
    expect(await t.editor.fetch('count(*)')).toEqual(expect.any(Number));
  });
});
