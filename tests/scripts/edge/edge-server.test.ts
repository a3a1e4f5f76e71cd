// The edge as a reader's browser (or a stray crawler) meets it: which file a
// request path gets, and which compressed form an Accept-Encoding gets.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployBuild } from '../../../scripts/deploy/deploy-build.ts';
import { releaseStore } from '../../../scripts/deploy/release-store.ts';
import { type Edge, startEdge } from '../../../scripts/edge/edge-server.ts';
import { type Encoding, negotiateEncoding } from '../../../scripts/edge/negotiate-encoding.ts';
import { rawRequest } from '../helpers/raw-request.ts';

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1>${'<p>filler text for compression</p>'.repeat(40)}</body></html>`;

type Answer = { status?: number; encoding?: string; body: string };

describe('the edge', () => {
  let edge: Edge;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-build-'));
    const files = { 'index.html': page('Front'), 'story/x.html': page('Story X'), '404.html': page('Not found') };
    for (const [path, body] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), body);
    }
    const store = releaseStore(mkdtempSync(join(tmpdir(), 'edge-releases-')));
    await deployBuild({ store, buildDir: dir });
    edge = await startEdge({ store });
  });
  afterAll(() => edge?.close());

  const raw = async (path: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const answer = await rawRequest(edge.url, path, { headers });
    return {
      status: answer.status,
      encoding: answer.headers['content-encoding'] as string | undefined,
      body: answer.body,
    };
  };

  it.each(['//whatever/story/x', '//story/x', '//127.0.0.1/story/x'])(
    'answers %s with the 404 page: the path is not a host and a path',
    async (path) => {
      const answer = await raw(path);
      expect(answer.status).toBe(404);
      expect(answer.body).toContain('<h1>Not found</h1>');
    },
  );

  it('answers a 16 KB path of slashes at once: trimming them takes no quadratic regex', async () => {
    // `/{16000 slashes}a/` cost /\/+$/ about 0.2 s of the edge's one thread, per request.
    const path = `/${'/'.repeat(16_000)}a/`;
    const started = performance.now();
    for (let i = 0; i < 5; i++) expect((await raw(path)).status).toBe(404);
    expect(performance.now() - started).toBeLessThan(400);
  });

  it('serves /story/x itself', async () => {
    expect(await raw('/story/x?ref=home')).toMatchObject({ status: 200, body: expect.stringContaining('Story X') });
  });

  it('sends /story/x/ and /story/x/?q to /story/x with a permanent redirect, and a slash after nothing to the 404 page', async () => {
    const slash = await rawRequest(edge.url, '/story/x/');
    expect([slash.status, slash.headers.location]).toEqual([301, '/story/x']);
    const query = await rawRequest(edge.url, '/story/x//?ref=social');
    expect([query.status, query.headers.location]).toEqual([301, '/story/x?ref=social']);
    expect((await raw('/story/nothing/')).status).toBe(404);
    expect((await raw('/')).status).toBe(200);
  });

  it.each([
    ['gzip;q=1.0, br;q=0.5', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['gzip, br', 'br'],
    ['gzip;q=0.8, br;q=0.8', 'br'],
    ['br;q=0, gzip;q=0.1', 'gzip'],
    ['*;q=0.5, gzip;q=0.9', 'gzip'],
  ])('answers Accept-Encoding "%s" with %s', async (accept, expected) => {
    expect((await raw('/story/x', { 'accept-encoding': accept })).encoding).toBe(expected);
  });
});

describe('negotiateEncoding', () => {
  const both: Encoding[] = ['br', 'gz'];
  it.each<[string | undefined, readonly Encoding[], Encoding | undefined]>([
    [undefined, both, undefined],
    ['identity', both, undefined],
    ['gzip;q=1.0, br;q=0.5', both, 'gz'],
    ['gzip;q=0.5, br;q=1.0', both, 'br'],
    ['gzip, br', both, 'br'],
    ['*', both, 'br'],
    ['br;q=0, *', both, 'gz'],
    ['gzip;q=0, br;q=0', both, undefined],
    ['br;q=1, gzip;q=0.5', ['gz'], 'gz'],
    ['gzip;q=abc, br;q=0.1', both, 'br'],
  ])('"%s" with %j available → %s', (accept, available, expected) => {
    expect(negotiateEncoding(accept, available)).toBe(expected);
  });
});
