// Releases over the real edge server: what readers get after deploys, a
// rejected deploy, partial deploys, rollback and retention.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeployRejected, deployBuild } from '../../../scripts/deploy/deploy-build.ts';
import { releaseStore } from '../../../scripts/deploy/release-store.ts';
import { rollback } from '../../../scripts/deploy/rollback.ts';
import { type Edge, startEdge } from '../../../scripts/edge/edge-server.ts';

const page = (title: string, links: string[] = []) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1>${links
    .map((l) => `<a href="${l}">${l}</a>`)
    .join('')}${'<p>filler text for compression</p>'.repeat(40)}</body></html>`;

function buildDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'build-'));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

const site = {
  'index.html': page('Front', ['/story/a', '/story/b', '/_img/x.webp']),
  'story/a.html': page('Story A', ['/']),
  'story/b.html': page('Story B', ['/story/a']),
  '404.html': page('Not found', ['/']),
  '_img/x.webp': 'not really an image',
  'pagefind/3/fragment/en_1a2b3c4.pf_fragment': 'a hashed search fragment',
  'pagefind/3/pagefind-entry.json': '{}',
  'pagefind/3/wasm.en.pagefind': 'named by language, not by content',
  'feed.xml': '<rss version="2.0"><channel><title>t</title></channel></rss>',
};

describe('deploying releases to the edge', () => {
  const store = releaseStore(mkdtempSync(join(tmpdir(), 'releases-')));
  let edge: Edge;
  let first: string;

  beforeAll(async () => {
    first = (await deployBuild({ store, buildDir: buildDir(site) })).manifest.id;
    edge = await startEdge({ store });
  });
  afterAll(() => edge?.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${edge.url}${path}`, { headers });

  it('serves pages at pretty URLs with strong ETags and HTML cache headers', async () => {
    const res = await get('/story/a');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=600');
    expect(res.headers.get('etag')).toMatch(/^"[a-f0-9]{64}(-br|-gz)?"$/);
    expect(await res.text()).toContain('<h1>Story A</h1>');
    expect((await get('/')).status).toBe(200);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const etag = (await get('/story/a')).headers.get('etag') as string;
    const res = await get('/story/a', { 'if-none-match': etag });
    expect(res.status).toBe(304);
  });

  it('marks hashed assets immutable, the hashed files of the search index shards too, and nothing else', async () => {
    const cache = async (path: string) => (await get(path)).headers.get('cache-control');
    const immutable = 'public, max-age=31536000, immutable';
    expect(await cache('/_img/x.webp')).toBe(immutable);
    expect(await cache('/pagefind/3/fragment/en_1a2b3c4.pf_fragment')).toBe(immutable);
    expect(await cache('/pagefind/3/pagefind-entry.json')).toBe('public, max-age=60, stale-while-revalidate=600');
    expect(await cache('/pagefind/3/wasm.en.pagefind')).toBe('public, max-age=60, stale-while-revalidate=600');
  });

  it('serves the precompressed brotli or gzip form the client accepts', async () => {
    const raw = (accept: string, etag?: string) =>
      new Promise<{ status?: number; encoding?: string; etag?: string; body: Buffer }>((resolve, reject) => {
        const headers = { 'accept-encoding': accept, ...(etag ? { 'if-none-match': etag } : {}) };
        import('node:http').then(({ get: httpGet }) =>
          httpGet(`${edge.url}/story/b`, { headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode,
                encoding: res.headers['content-encoding'],
                etag: res.headers.etag,
                body: Buffer.concat(chunks),
              }),
            );
          }).on('error', reject),
        );
      });
    const br = await raw('gzip, deflate, br');
    expect(br.encoding).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toContain('Story B');
    const gz = await raw('gzip');
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toContain('Story B');
    const plain = await raw('identity');
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.toString()).toContain('Story B');
    // Each form has its own strong ETag (the bytes differ), and each revalidates with a 304.
    expect(new Set([br.etag, gz.etag, plain.etag]).size).toBe(3);
    expect((await raw('gzip, deflate, br', br.etag)).status).toBe(304);
    expect((await raw('gzip', gz.etag)).status).toBe(304);
    expect((await raw('identity', plain.etag)).status).toBe(304);
    // A tag for another form does not validate the one selected now.
    expect((await raw('gzip, deflate, br', gz.etag)).status).toBe(200);
  });

  it("answers unknown paths with the site's 404 page and a 404 status", async () => {
    const res = await get('/story/nope');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<h1>Not found</h1>');
    expect((await get('/../../etc/passwd')).status).toBe(404);
  });

  it('refuses a build with a broken internal link, naming every page that has it, and keeps the live site', async () => {
    const broken = buildDir({
      ...site,
      'story/b.html': page('Story B v2', ['/story/gone', '/story/a']),
      'story/c.html': page('Story C', ['/story/a', '/story/gone']),
    });
    const attempt = deployBuild({ store, buildDir: broken });
    await expect(attempt).rejects.toBeInstanceOf(DeployRejected);
    const rejected = (await attempt.catch((e: unknown) => e)) as DeployRejected;
    expect(rejected.problems).toEqual([
      { page: '/story/b.html', problem: 'links to /story/gone, which is not in the release' },
      { page: '/story/c.html', problem: 'links to /story/gone, which is not in the release' },
    ]);
    expect(store.liveId()).toBe(first);
    expect(await (await get('/story/b')).text()).toContain('<h1>Story B</h1>');
  });

  it('refuses a build with a page that does not parse and keeps the live site', async () => {
    const truncated = page('Story A v2', ['/']).slice(0, 120).replace('<title>', '<title a="1" a="2">');
    const attempt = deployBuild({ store, buildDir: buildDir({ ...site, 'story/a.html': truncated }) });
    await expect(attempt).rejects.toBeInstanceOf(DeployRejected);
    await expect(attempt).rejects.toThrow('/story/a.html: does not parse cleanly');
    expect(store.liveId()).toBe(first);
    expect(await (await get('/story/a')).text()).toContain('<h1>Story A</h1>');
  });

  it('serves a new release on the very next request after the switch', async () => {
    const before = (await get('/story/a')).headers.get('etag');
    const { manifest } = await deployBuild({
      store,
      buildDir: buildDir({ ...site, 'story/a.html': page('Story A v2', ['/']) }),
    });
    const res = await get('/story/a');
    expect(res.headers.get('x-release')).toBe(manifest.id);
    expect(res.headers.get('etag')).not.toBe(before);
    expect(await res.text()).toContain('Story A v2');
  });

  it('applies a partial build over its base: changed pages replaced, removed pages gone, the rest kept', async () => {
    const base = store.liveId() as string;
    const partial = buildDir({
      'index.html': page('Front v3', ['/story/a', '/_img/x.webp']),
      'story/c.html': page('Story C', ['/']),
    });
    await deployBuild({ store, buildDir: partial, base, removed: ['/story/b.html'] });
    expect(await (await get('/')).text()).toContain('Front v3');
    expect(await (await get('/story/c')).text()).toContain('Story C');
    expect(await (await get('/story/a')).text()).toContain('Story A v2');
    expect((await get('/story/b')).status).toBe(404);
  });

  it('rolls back to the previous release', async () => {
    const live = store.liveId();
    const { from, to } = await rollback(store);
    expect(from).toBe(live);
    expect(store.liveId()).toBe(to.id);
    expect((await get('/story/b')).status).toBe(200);
    expect((await get('/story/c')).status).toBe(404);
  });

  it('prunes old releases past the retention count (in batches), keeping the live one', async () => {
    for (let i = 0; i < 4; i++) {
      await deployBuild({
        store,
        buildDir: buildDir({ ...site, 'story/a.html': page(`Story A r${i}`, ['/']) }),
        retention: 2,
      });
    }
    // Pruning runs once the store is half again over its retention: never more than 3 kept for 2.
    expect(store.list().length).toBeLessThanOrEqual(3);
    expect(store.list().at(-1)?.id).toBe(store.liveId());
    expect(await (await get('/story/a')).text()).toContain('Story A r3');
    await expect(rollback(store, first)).rejects.toThrow(`There is no release ${first}`);
  });
});

describe('rolling back more than once', () => {
  const store = releaseStore(mkdtempSync(join(tmpdir(), 'rollback-twice-')));
  let edge: Edge;
  beforeAll(async () => {
    edge = await startEdge({ store });
  });
  afterAll(() => edge?.close());

  const deploy = async (front: string) =>
    (await deployBuild({ store, buildDir: buildDir({ ...site, 'index.html': page(front, ['/story/a']) }) })).manifest
      .id;
  const front = async () => (await (await fetch(`${edge.url}/`)).text()).match(/<h1>(.*?)<\/h1>/)?.[1];

  it('returns to the release live before the current one, not to one already rolled away from', async () => {
    const a = await deploy('A');
    await deploy('B (bad)');
    expect((await rollback(store)).to.id).toBe(a);
    expect(await front()).toBe('A');
    await deploy('C');
    const { to } = await rollback(store);
    expect(to.id).toBe(a);
    expect(await front()).toBe('A');
    // A was the first release: there is nothing before it.
    await expect(rollback(store)).rejects.toThrow('There is no earlier release to roll back to.');
    expect(await front()).toBe('A');
  });

  it('still rolls back to a release named by id, and on from there', async () => {
    const releases = store.summaries().map((r) => r.id);
    const [a, b, c] = releases as [string, string, string];
    await deploy('D');
    expect((await rollback(store, b)).to.id).toBe(b);
    expect(await front()).toBe('B (bad)');
    // B was deployed over A.
    expect((await rollback(store)).to.id).toBe(a);
    expect((await rollback(store, c)).to.id).toBe(c);
    expect(await front()).toBe('C');
  });
});

describe('rolling back in a store written before switches were recorded', () => {
  it('returns to the release created before the live one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rollback-unrecorded-'));
    const store = releaseStore(dir);
    const first = (await deployBuild({ store, buildDir: buildDir(site) })).manifest.id;
    await deployBuild({ store, buildDir: buildDir({ ...site, 'story/a.html': page('Story A v2', ['/']) }) });
    new DatabaseSync(join(dir, 'releases.db')).exec('DELETE FROM switch');
    expect((await rollback(store)).to.id).toBe(first);
    store.close();
  });
});
