import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, startTestLake, type TestLake } from '../helpers/lake.ts';

let t: TestLake;
const logged: string[] = [];

beforeAll(async () => {
  t = await startTestLake({ onError: (message) => logged.push(message), maxBodyBytes: 1024 * 1024 });
  await t.editor.create({ _id: 'ok', _type: 'note', title: 'still here' });
});

afterAll(() => t.close());

async function post(path: string, body: string, token = t.tokens.editor) {
  const response = await t.fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return { status: response.status, body: (await response.json()) as { error: Record<string, unknown> } };
}

describe('query errors', () => {
  it('a syntax error is 400 queryParseError with the query and the position', async () => {
    const failure = await rejection(t.viewer.fetch('*[_type == "note"]{title'));
    expect(failure.statusCode).toBe(400);
    expect(failure.body.error).toMatchObject({
      type: 'queryParseError',
      query: '*[_type == "note"]{title',
      start: 23,
      end: 24,
    });
    expect(failure.message).toContain('GROQ query parse error');
  });

  it("a parameter that is referenced but not sent is Sanity's queryParseError", async () => {
    const failure = await rejection(t.viewer.fetch('*[_type == $type]'));
    expect(failure.body.error).toMatchObject({
      type: 'queryParseError',
      description: 'param $type referenced, but not provided',
      start: 11,
      end: 16,
    });
  });

  it('an unknown function is a queryParseError naming it', async () => {
    const failure = await rejection(t.viewer.fetch('nope::fn(1)'));
    expect(failure.statusCode).toBe(400);
    expect(failure.body.error).toMatchObject({ type: 'queryParseError' });
    expect(String((failure.body.error as { description: string }).description)).toContain('nope');
  });

  it('score() after a projection is a queryParseError marking the score, while score() of a filter is answered', async () => {
    const query = '*[_type == "note"]{title} | score(title match "budget")';
    const failure = await rejection(t.viewer.fetch(query));
    expect(failure.statusCode).toBe(400);
    expect(failure.body.error).toMatchObject({ type: 'queryParseError', query, start: 28, end: 34 });
    expect(String((failure.body.error as { description: string }).description)).toMatch(
      /^score\(\) must follow documents/,
    );
    const scored = await t.viewer.fetch<unknown[]>(
      '*[_type == "note"] | score(title match "budget") | order(_score desc)',
    );
    expect(Array.isArray(scored)).toBe(true);
  });

  it('a param value that is not JSON is a 400 naming the param', async () => {
    const response = await t.fetch('/v2025-02-19/data/query/production?query=$a&$a=unquoted');
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('\\"$a\\"');
  });

  it.each([
    ['query', '/v2025-02-19/data/query/production?query=$a'],
    ['listen', '/v2025-02-19/data/listen/production?query=*[_id==$a]'],
  ])('%s: a param nested 5,000 arrays deep is a 400 naming it, not a bare 500', async (_name, path) => {
    // It parsed, then overflowed the stack when the answer echoing it was serialised.
    const before = logged.length;
    const response = await t.fetch(`${path}&$a=${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { description: string } }).error.description).toBe(
      'The value of "$a" nests objects and arrays more than 200 levels deep',
    );
    expect(logged.slice(before)).toEqual([]);
  });

  it('a missing query is a 400', async () => {
    const response = await t.fetch('/v2025-02-19/data/query/production');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { description: string } }).error.description).toContain('"query"');
  });
});

describe('mutation errors', () => {
  it.each([
    [
      'an unknown mutation kind',
      '{"mutations":[{"upsert":{"_id":"x","_type":"note"}}]}',
      'Unknown mutation type "upsert"',
    ],
    ['a mutation with two kinds', '{"mutations":[{"create":{"_type":"a"},"delete":{"id":"x"}}]}', 'exactly one kind'],
    [
      'createOrReplace without _id',
      '{"mutations":[{"createOrReplace":{"_type":"note"}}]}',
      '"createOrReplace" requires the document to have an "_id"',
    ],
    [
      'create without _type',
      '{"mutations":[{"create":{"_id":"no-type"}}]}',
      'Document "no-type" must have a string "_type"',
    ],
    [
      'an invalid id',
      '{"mutations":[{"create":{"_id":"bad id!","_type":"note"}}]}',
      'Document ID "bad id!" is not valid',
    ],
    ['delete without id or query', '{"mutations":[{"delete":{}}]}', '"delete" needs a document "id" or a GROQ "query"'],
    [
      'an unknown patch operation',
      '{"mutations":[{"patch":{"id":"ok","push":{"a":1}}}]}',
      'Unknown patch operation(s) "push"',
    ],
    [
      'a malformed patch path',
      '{"mutations":[{"patch":{"id":"ok","unset":["list[?(@ == 1"]}}]}',
      'Patch on document "ok" failed: Invalid tokens in jsonpath',
    ],
    [
      'an insert without a position',
      '{"mutations":[{"patch":{"id":"ok","insert":{"middle":"x[0]","items":[1]}}}]}',
      'Invalid insert patch',
    ],
    [
      'a malformed diffMatchPatch',
      '{"mutations":[{"patch":{"id":"ok","diffMatchPatch":{"title":"junk"}}}]}',
      'Invalid patch string',
    ],
  ])('%s is a 400 mutationError describing it, naming the mutation index', async (_name, body, text) => {
    const { status, body: response } = await post('/v2025-02-19/data/mutate/production', body);
    expect(status).toBe(400);
    expect(response.error.type).toBe('mutationError');
    expect(response.error.description).toContain(text);
    expect(response.error.items).toEqual([expect.objectContaining({ index: 0 })]);
  });

  it.each([
    ['invalid JSON', '{"mutations": [', 'InvalidJson', 'Unable to parse request body as JSON'],
    ['a body without mutations', '{"muts": []}', 'InvalidMutationBody', '"mutations"'],
    ['an empty transaction', '{"mutations": []}', 'EmptyTransaction', 'no mutations'],
  ])('%s is a 400 describing the body', async (_name, body, _code, text) => {
    const { status, body: response } = await post('/v2025-02-19/data/mutate/production', body);
    expect(status).toBe(400);
    expect(response.error.description).toContain(text);
  });
});

describe('routing', () => {
  it('an unknown route is a 404 naming the path', async () => {
    const response = await t.fetch('/v2025-02-19/data/nothing/production');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { type: 'httpNotFound', description: 'No endpoint for GET /v2025-02-19/data/nothing/production' },
    });
  });

  it('a wrong method is a 405 listing the allowed ones', async () => {
    const response = await t.fetch('/v2025-02-19/data/mutate/production');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers CORS preflights echoing origin and requested headers, with credentials', async () => {
    const response = await t.fetch('/v2025-02-19/data/query/production', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3333',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,x-sanity-app',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3333');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,x-sanity-app');
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
    const actual = await t.fetch('/v2025-02-19/data/query/production?query=1', {
      headers: { origin: 'http://localhost:3333' },
    });
    expect(actual.headers.get('access-control-allow-origin')).toBe('http://localhost:3333');
  });
});

describe('unexpected failures', () => {
  it("are logged and answered 500 in Sanity's shape; the server goes on serving", async () => {
    // A file where the assets folder should be makes storing an upload fail inside the lake.
    writeFileSync(join(t.dataDir, 'assets'), 'not a folder');
    const response = await t.fetch('/v2025-02-19/assets/files/production?filename=a.txt', {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.editor}`, 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { type: 'internalServerError' } });
    expect(logged).toEqual(['lake: POST /v2025-02-19/assets/files/production failed']);
    logged.length = 0;
    expect(await t.anonymous.fetch('*[_id == "ok"][0].title')).toBe('still here');
  });
});

describe('the server survives garbage', () => {
  it('junk bytes, an oversized body, huge params and broken JSON; then a good query still works', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(t.lake.port, '127.0.0.1', () =>
        socket.end(Buffer.from([0, 1, 2, 255, 13, 10, 13, 10, 71, 69, 84])),
      );
      socket.on('data', () => {});
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
    const tooBig = await t.fetch('/v2025-02-19/data/mutate/production', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.tokens.editor}` },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { type: string } }).error.type).toBe('httpPayloadTooLarge');
    const huge = await t.fetch(`/v2025-02-19/data/query/production?query=$a&$a=${'1'.repeat(100_000)}`);
    expect(huge.status).toBeGreaterThanOrEqual(400);
    const hugeBody = await post(
      '/v2025-02-19/data/query/production',
      JSON.stringify({ query: '$a', params: { a: 'y'.repeat(500_000) } }),
    );
    expect(hugeBody.status).toBe(200);
    expect((await post('/v2025-02-19/data/query/production', '{not json')).status).toBe(400);
    expect((await post('/v2025-02-19/data/query/production', '[1,2]')).status).toBe(400);
    expect((await post('/v2025-02-19/data/mutate/production', 'null')).status).toBe(400);
    // A document nested thousands deep is refused before anything tries to store it.
    const deep = `{"mutations":[{"create":{"_id":"deep","_type":"x","v":${'['.repeat(5000)}${']'.repeat(5000)}}}]}`;
    const tooDeep = await post('/v2025-02-19/data/mutate/production', deep);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.error.description).toBe(
      'Unable to parse request body as JSON: it nests objects and arrays more than 200 levels deep',
    );
    expect(await t.anonymous.fetch('*[_id == "ok"][0].title')).toBe('still here');
    expect(logged).toEqual([]);
  });
});
