// S3 + CloudFront with the generated function must answer a reader as the
// local edge does: the same file for the same path, the same 301 from a
// story's former address (with the query), the same Cache-Control. The same
// two builds are deployed to a release store the edge serves, and the
// function is written from that store by `hosting-headers --target cloudfront`.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployBuild } from '../../../scripts/deploy/deploy-build.ts';
import { releaseStore } from '../../../scripts/deploy/release-store.ts';
import { type Edge, startEdge } from '../../../scripts/edge/edge-server.ts';
import { loadFunction } from '../helpers/cloudfront-function.ts';
import { rawRequest } from '../helpers/raw-request.ts';
import { type CdnAnswer, viaCloudFront } from '../helpers/s3-cloudfront.ts';
import { build } from '../helpers/story-build.ts';

const SCRIPT = join(import.meta.dirname, '../../../scripts/hosting-headers.ts');

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;

/** Files beside the pages whose paths the function must map as the edge does. */
const EXTRA_FILES = {
  'rss.xml': '<rss/>',
  '_astro/site.1a2b3c.css': 'body{}',
  'pagefind/0/fragment/en_1a2b.pf_fragment': 'fragment',
  'docs/index.html': page('Docs'),
  'v1.2.html': page('Version 1.2'),
  // A hashed asset no page uses is pruned by the deploy: this page keeps it.
  'about.html': page('About').replace('</head>', '<link rel="stylesheet" href="/_astro/site.1a2b3c.css"></head>'),
  LICENSE: 'MIT',
};

const PATHS = [
  '/',
  '/index.html',
  '/story/b',
  '/story/b.html',
  '/story/x',
  '/story/a',
  '/story/a?utm_source=newsletter&x=1',
  '/story/a?tag=1&tag=2',
  '/story/b/',
  '/story/b//',
  '/story/a/',
  '/story/a//?x=1',
  '/story/%62',
  // A former address percent-encoded is the same address (RFC 3986 §6.2.2.2).
  '/story/%61',
  '/story/%61/?x=1',
  '/story/nope',
  '/rss.xml',
  '/_astro/site.1a2b3c.css',
  '/about',
  '/pagefind/0/fragment/en_1a2b.pf_fragment',
  '/docs',
  '/docs/',
  '/v1.2',
  '/LICENSE',
  '/nope.txt',
];

describe('S3 + CloudFront with the generated function, beside the edge', () => {
  const releases = mkdtempSync(join(tmpdir(), 'cloudfront-releases-'));
  const store = releaseStore(releases);
  let dist: string;
  let edge: Edge;
  let handler: ReturnType<typeof loadFunction>;

  beforeAll(async () => {
    await deployBuild({ store, buildDir: build({ one: 'a', two: 'x' }) });
    dist = build({ one: 'b', two: 'x' });
    for (const [path, body] of Object.entries(EXTRA_FILES)) {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), body);
    }
    await deployBuild({ store, buildDir: dist });
    edge = await startEdge({ store });
    const run = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
      execFile(
        process.execPath,
        [SCRIPT, dist, '--target', 'cloudfront'],
        { env: { ...process.env, NEWSROOM_RELEASES_DIR: releases } },
        (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve({ stdout, stderr })),
      ),
    );
    expect(run.stdout).toContain('with the 1 redirect(s) from stories');
    handler = loadFunction(readFileSync(join(dist, '_cloudfront', 'viewer-request.js'), 'utf8'));
  });
  afterAll(() => {
    edge?.close();
    store.close();
  });

  const viaEdge = async (target: string, method = 'GET'): Promise<CdnAnswer> => {
    const answer = await rawRequest(edge.url, target, { method });
    return {
      status: answer.status as number,
      location: answer.headers.location as string | undefined,
      cacheControl: answer.headers['cache-control'] as string | undefined,
      body: answer.body,
    };
  };

  it.each(PATHS)('answers %s as the edge does', async (target) => {
    expect(await viaCloudFront(handler, dist, target)).toEqual(await viaEdge(target));
  });

  it('answers HEAD for a former address as the edge does', async () => {
    expect(await viaCloudFront(handler, dist, '/story/a', 'HEAD')).toEqual(await viaEdge('/story/a', 'HEAD'));
  });

  it('refuses other methods as the edge does', async () => {
    expect((await viaCloudFront(handler, dist, '/story/b', 'POST')).status).toBe(
      (await viaEdge('/story/b', 'POST')).status,
    );
  });

  it('serves /404.html itself, cached as briefly as the 404s it is the page of (the edge caches it as a page)', async () => {
    const [cdn, atEdge] = [await viaCloudFront(handler, dist, '/404.html'), await viaEdge('/404.html')];
    expect({ ...cdn, cacheControl: undefined }).toEqual({ ...atEdge, cacheControl: undefined });
    expect(cdn.cacheControl).toBe((await viaEdge('/story/nope')).cacheControl);
  });

  it('sends /x/ of no page to /x, which is the 404 the edge answers at /x/ itself: a function cannot ask S3 what exists', async () => {
    const moved = await viaCloudFront(handler, dist, '/story/nope/');
    expect(moved).toMatchObject({ status: 301, location: '/story/nope' });
    expect(await viaCloudFront(handler, dist, '/story/nope')).toEqual(await viaEdge('/story/nope/'));
  });
});
