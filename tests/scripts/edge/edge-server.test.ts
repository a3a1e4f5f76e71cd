// The edge as a reader's browser (or a stray crawler) meets it: which file a
// request path gets, and which compressed form an Accept-Encoding gets.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
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

/** Files of each kind the site publishes, and the type a browser or feed reader must be told. */
const TYPED: Record<string, string> = {
  '/rss.xml': 'application/xml; charset=utf-8',
  '/sitemaps/pages.xml': 'application/xml; charset=utf-8',
  '/feed.json': 'application/feed+json; charset=utf-8',
  '/section/business/feed.json': 'application/feed+json; charset=utf-8',
  '/pagefind/0/pagefind-entry.json': 'application/json; charset=utf-8',
  '/pagefind/0/pagefind-ui.css': 'text/css; charset=utf-8',
  '/pagefind/0/pagefind.js': 'text/javascript; charset=utf-8',
  '/favicon.svg': 'image/svg+xml',
  '/robots.txt': 'text/plain; charset=utf-8',
  '/pagefind/0/wasm.en.pagefind': 'application/octet-stream',
  '/search.wasm': 'application/wasm',
  '/photo.avif': 'image/avif',
};

/** What the edge sends back for `request`, written as is, until it closes or goes quiet. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    socket.setTimeout(500, () => socket.end());
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('the edge', () => {
  let edge: Edge;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-build-'));
    const files = {
      'index.html': page('Front'),
      'story/x.html': page('Story X'),
      '404.html': page('Not found'),
      ...Object.fromEntries(Object.keys(TYPED).map((path) => [path.slice(1), 'x'])),
    };
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

  it.each([['/story/x', 'text/html; charset=utf-8'], ...Object.entries(TYPED)])(
    'serves %s as %s, and says nosniff',
    async (path, type) => {
      const answer = await rawRequest(edge.url, path);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe(type);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it('says nosniff with the 404 page', async () => {
    expect((await rawRequest(edge.url, '/nothing')).headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['POST', 'OPTIONS', 'DELETE', 'CONNECT'])('answers %s with 405 naming GET and HEAD', async (method) => {
    // Raw, as Node's client waits for a tunnel after CONNECT instead of reading the answer.
    const target = method === 'CONNECT' ? 'example.com:443' : '/story/x';
    const answer = await rawExchange(
      edge.port,
      `${method} ${target} HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(answer).toMatch(/\r\nallow: GET, HEAD\r\n/i);
  });

  describe('conditional requests (RFC 9110 §13)', () => {
    const current = async (accept?: string) =>
      (await rawRequest(edge.url, '/story/x', { headers: accept ? { 'accept-encoding': accept } : {} })).headers
        .etag as string;

    it('answers a revalidation with 304 carrying the validator and caching headers, and no body or content type', async () => {
      const etag = await current();
      const answer = await rawRequest(edge.url, '/story/x', { headers: { 'if-none-match': etag } });
      expect(answer.status).toBe(304);
      expect(answer.body).toBe('');
      expect(answer.headers).toMatchObject({ etag, vary: 'Accept-Encoding', 'cache-control': expect.any(String) });
      expect(answer.headers['content-type']).toBeUndefined();
    });

    it.each([
      ['the tag among others, one holding a comma', (etag: string) => `"a,b", W/"c", ${etag}`],
      ['the tag weak', (etag: string) => `W/${etag}`],
      ['*', () => '*'],
    ])('answers If-None-Match with %s with 304', async (_, field) => {
      const answer = await rawRequest(edge.url, '/story/x', { headers: { 'if-none-match': field(await current()) } });
      expect(answer.status).toBe(304);
    });

    it('lets If-None-Match decide over If-Modified-Since, which has no Last-Modified to compare with', async () => {
      const later = 'Fri, 01 Jan 2100 00:00:00 GMT';
      expect((await raw('/story/x', { 'if-none-match': '"old"', 'if-modified-since': later })).status).toBe(200);
      expect((await raw('/story/x', { 'if-modified-since': later })).status).toBe(200);
    });

    it('answers If-Match naming another version with 412 and no body, and the current one with the page', async () => {
      const etag = await current('br');
      const stale = await rawRequest(edge.url, '/story/x', { headers: { 'if-match': '"0123"' } });
      expect([stale.status, stale.body]).toEqual([412, '']);
      expect(stale.headers['cache-control']).toBeUndefined();
      // Strong comparison: a weak tag, or the tag of the brotli bytes for the plain ones, is not this representation.
      expect((await raw('/story/x', { 'if-match': `W/${etag}`, 'accept-encoding': 'br' })).status).toBe(412);
      expect((await raw('/story/x', { 'if-match': etag })).status).toBe(412);
      expect(await raw('/story/x', { 'if-match': etag, 'accept-encoding': 'br' })).toMatchObject({
        status: 200,
        encoding: 'br',
      });
      expect((await raw('/story/x', { 'if-match': '*' })).status).toBe(200);
      // Preconditions only apply where the answer would be a 2xx (§13.2.1).
      expect((await raw('/story/nothing', { 'if-match': '"0123"' })).status).toBe(404);
    });
  });

  describe('byte ranges (RFC 9110 §14)', () => {
    const get = (headers: Record<string, string>, path = '/story/x', method = 'GET') =>
      rawRequest(edge.url, path, { headers, method });

    it.each([
      ['bytes=0-99', 0, 99],
      ['bytes=100-', 100, undefined],
      ['bytes=-100', -100, undefined],
      ['bytes=-999999', 0, undefined],
      ['bytes=10-999999', 10, undefined],
    ])('answers Range %s with 206 and those bytes of the page', async (range, start, last) => {
      const whole = await get({});
      expect(whole.headers['accept-ranges']).toBe('bytes');
      const part = await get({ range });
      const length = whole.bytes.length;
      const from = start < 0 ? length + start : start;
      const to = last ?? length - 1;
      expect(part.status).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes ${from}-${to}/${length}`);
      expect(part.headers['content-length']).toBe(String(to - from + 1));
      expect(part.bytes.equals(whole.bytes.subarray(from, to + 1))).toBe(true);
    });

    it('answers a range past the end with 416, the length in Content-Range, and nothing a cache would keep', async () => {
      const length = (await get({})).bytes.length;
      for (const range of [`bytes=${length}-`, 'bytes=-0']) {
        const answer = await get({ range });
        expect(answer.status).toBe(416);
        expect(answer.headers['content-range']).toBe(`bytes */${length}`);
        expect(answer.headers['cache-control']).toBeUndefined();
        expect(answer.body).toBe('');
      }
    });

    it.each([
      ['several ranges', 'bytes=0-0,5-9'],
      ['a unit other than bytes', 'items=0-1'],
      ['a malformed range', 'bytes=abc'],
      ['a range ending before it starts', 'bytes=9-5'],
    ])('answers %s with the whole page', async (_, range) => {
      const answer = await get({ range });
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('</html>');
    });

    it('serves the range If-Range names the current version, and the whole page otherwise', async () => {
      const { etag } = (await get({})).headers as { etag: string };
      expect((await get({ range: 'bytes=0-9', 'if-range': etag })).status).toBe(206);
      expect((await get({ range: 'bytes=0-9', 'if-range': '"another"' })).status).toBe(200);
      expect((await get({ range: 'bytes=0-9', 'if-range': `W/${etag}` })).status).toBe(200);
      expect((await get({ range: 'bytes=0-9', 'if-range': 'Fri, 01 Jan 2100 00:00:00 GMT' })).status).toBe(200);
    });

    it('ranges over the brotli bytes when those are served, as their ETag names them', async () => {
      const whole = await get({ 'accept-encoding': 'br' });
      const part = await get({ 'accept-encoding': 'br', range: 'bytes=5-', 'if-range': whole.headers.etag as string });
      expect(part).toMatchObject({ status: 206, headers: { 'content-encoding': 'br' } });
      expect(part.headers['content-range']).toBe(`bytes 5-${whole.bytes.length - 1}/${whole.bytes.length}`);
      expect(part.bytes.equals(whole.bytes.subarray(5))).toBe(true);
    });

    it('ignores Range on HEAD and on the 404 page', async () => {
      const head = await get({ range: 'bytes=0-9' }, '/story/x', 'HEAD');
      expect(head.status).toBe(200);
      expect(head.headers['content-length']).toBe(String((await get({})).bytes.length));
      expect((await get({ range: 'bytes=0-9' }, '/story/nothing')).status).toBe(404);
    });
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
    ['x-gzip', both, 'gz'],
    ['x-gzip;q=0.5, br;q=0.1', both, 'gz'],
  ])('"%s" with %j available → %s', (accept, available, expected) => {
    expect(negotiateEncoding(accept, available)).toBe(expected);
  });
});
