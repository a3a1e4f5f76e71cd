// Thousands of renamed stories: too many redirects for the function's 10 KB.
// Run after run of the hosted workflow (a build, hosting-headers with the
// history file, then the KeyValueStore brought to the file by
// cloudfront-kvs-batches.ts in UpdateKeys batches), the function must answer
// every redirect `_redirects` lists for the same build, from the store.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UpdateKeysBatch } from '../../../scripts/cloudfront/kvs-batches.ts';
import { keyValueStore, loadFunction } from '../helpers/cloudfront-function.ts';
import { hostingHeaders } from '../helpers/hosting-headers.ts';
import { viaCloudFront } from '../helpers/s3-cloudfront.ts';
import { build } from '../helpers/story-build.ts';

const BATCHES = join(import.meta.dirname, '../../../scripts/cloudfront-kvs-batches.ts');
const STORIES = 2000;
const stories = (slug: (i: number) => string | undefined) =>
  Object.fromEntries(
    Array.from({ length: STORIES }, (_, i) => [`story-${i}`, slug(i)]).filter((e): e is [string, string] => !!e[1]),
  );

/** What the workflow loads: the batches for the store as it is now, applied in order. */
function loadStore(importFile: string, store: ReturnType<typeof keyValueStore>) {
  const work = mkdtempSync(join(tmpdir(), 'kvs-'));
  const listing = join(work, 'listing.json');
  const items = [...store.keys].map(([Key, Value]) => ({ Key, Value }));
  writeFileSync(listing, JSON.stringify({ Items: items }));
  return new Promise<UpdateKeysBatch[]>((resolve, reject) =>
    execFile(process.execPath, [BATCHES, importFile, listing, '--out', join(work, 'batches')], (error, _, stderr) => {
      if (error) return reject(new Error(stderr));
      const dir = join(work, 'batches');
      resolve(
        readdirSync(dir)
          .sort()
          .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8'))),
      );
    }),
  );
}

describe('a workflow with thousands of redirects', () => {
  const history = join(mkdtempSync(join(tmpdir(), 'workflow-cache-')), 'story-history.json');
  const store = keyValueStore();

  /** One run: build, hosting-headers for CloudFront and (for comparison) Netlify, load the store. */
  const workflowRun = async (slugs: Record<string, string>) => {
    const dist = build(slugs);
    const cloudfront = await hostingHeaders([dist, '--target', 'cloudfront', '--history', history]);
    expect(cloudfront).toMatchObject({ code: 0, stderr: '' });
    const netlify = await hostingHeaders([dist, '--target', 'netlify', '--history', history]);
    expect(netlify.code).toBe(0);
    const kvsFile = join(dist, '_cloudfront', 'kvs-redirects.json');
    // The workflow loads the store only when the function reads it.
    const batches = existsSync(kvsFile) ? await loadStore(kvsFile, store) : [];
    store.apply(batches);
    const redirects = readFileSync(join(dist, '_redirects'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' '));
    const handler = loadFunction(readFileSync(join(dist, '_cloudfront', 'viewer-request.js'), 'utf8'), store);
    return { dist, redirects, batches, handler, said: cloudfront.stdout };
  };

  it('starts with every story at its first address', async () => {
    const run = await workflowRun(stories((i) => `first-${i}`));
    expect(run.said).toContain('with the 0 redirect(s)');
  });

  it('answers every redirect of `_redirects` from the KeyValueStore once the slugs change', async () => {
    const run = await workflowRun(stories((i) => `second-${i}`));
    expect(run.redirects).toHaveLength(STORIES);
    expect(run.said).toContain(`${STORIES} redirect(s) from stories' former addresses, too many for the function`);
    expect(store.keys.size).toBe(STORIES);
    for (const [from, to, status] of run.redirects) {
      expect(await viaCloudFront(run.handler, run.dist, `${from}?ref=1`)).toMatchObject({
        status: Number(status),
        location: `${to}?ref=1`,
      });
    }
    expect(await viaCloudFront(run.handler, run.dist, '/story/second-7')).toMatchObject({ status: 200 });
    expect(await viaCloudFront(run.handler, run.dist, '/story/first-7/')).toMatchObject({
      location: '/story/second-7',
    });
  });

  it('changes only what changed in the store, and deletes the redirects of stories taken down', async () => {
    // Half the stories move again; the last hundred are taken down.
    const run = await workflowRun(
      stories((i) => (i >= STORIES - 100 ? undefined : i % 2 ? `third-${i}` : `second-${i}`)),
    );
    const puts = run.batches.flatMap((b) => b.Puts ?? []);
    const deletes = run.batches.flatMap((b) => b.Deletes ?? []);
    // first-i and second-i of the moved (odd) stories now lead to third-i; the taken-down stories' first-i go.
    expect(puts).toHaveLength((2 * (STORIES - 100)) / 2);
    expect(deletes).toHaveLength(100);
    expect(new Map(run.redirects.map(([from, to]) => [from, to]))).toEqual(store.keys);
    expect(await viaCloudFront(run.handler, run.dist, '/story/first-1')).toMatchObject({ location: '/story/third-1' });
    expect(await viaCloudFront(run.handler, run.dist, `/story/first-${STORIES - 1}`)).toMatchObject({ status: 404 });
  });
});
