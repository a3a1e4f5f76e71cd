// A story's slug changes after its address was shared: the old address must
// keep working, through `npm run deploy`, `npm run rollback` and `npm run
// hosting-headers` as an operator runs them, with the edge serving the store.
// Builds here are hand-made, with the record of story paths a site build writes.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseStore } from '../../../scripts/deploy/release-store.ts';
import { type Edge, startEdge } from '../../../scripts/edge/edge-server.ts';
import { STORY_PATHS_FILE } from '../../../site/lib/build/story-paths.ts';
import { rawRequest } from '../helpers/raw-request.ts';
import { build } from '../helpers/story-build.ts';

const SCRIPTS = join(import.meta.dirname, '../../../scripts');

type Run = { code: number; stdout: string; stderr: string };

/** What the operator does next: deploy a build of these stories (id → slug), or roll back. */
type Step = Record<string, string> | 'rollback';
const AT_C = { one: 'c', two: 'elsewhere' };
const STORY_ONE_AT_C = { a: '301 /story/c', b: '301 /story/c', c: 'Story one' };

/** Each step, and where each slug leads after it: the story it serves, a redirect, or 404. */
const STEPS: [string, Step, Record<string, string>][] = [
  ['a second change sends every former address straight to the story', AT_C, STORY_ONE_AT_C],
  [
    'a rollback serves the redirects of the release it makes live',
    'rollback',
    {
      a: '301 /story/b',
      b: 'Story one',
      c: '301 /story/b',
    },
  ],
  ['deploying again after the rollback', AT_C, STORY_ONE_AT_C],
  ['taking the story down makes every address of it 404', { two: 'elsewhere' }, { a: '404', b: '404', c: '404' }],
  ['putting it back brings its redirects back', AT_C, STORY_ONE_AT_C],
  [
    'another story taking a former slug is served there',
    { one: 'c', two: 'a' },
    {
      a: 'Story two',
      b: '301 /story/c',
      c: 'Story one',
      elsewhere: '301 /story/a',
    },
  ],
  [
    'that story moving on redirects the slug to it',
    { one: 'c', two: 'later' },
    {
      a: '301 /story/later',
      b: '301 /story/c',
      elsewhere: '301 /story/later',
      later: 'Story two',
    },
  ],
];

describe('a story whose slug changes', () => {
  const releasesDir = mkdtempSync(join(tmpdir(), 'redirects-releases-'));
  let edge: Edge;

  const run = (script: string, args: string[]) =>
    new Promise<Run>((resolve) => {
      execFile(
        process.execPath,
        [join(SCRIPTS, script), ...args],
        // No lake to tell about a rollback: it says so and succeeds.
        {
          env: {
            ...process.env,
            NEWSROOM_RELEASES_DIR: releasesDir,
            LAKE_DIR: mkdtempSync(join(tmpdir(), 'redirects-no-lake-')),
            SANITY_API_HOST: '',
          },
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
  const deploy = async (stories: Record<string, string>) => {
    const result = await run('deploy.ts', [build(stories)]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/is live/);
  };
  const ask = (path: string, method = 'GET') => rawRequest(edge.url, path, { method });
  /** Where each slug leads. */
  const outcomes = async (slugs: string[]) => {
    const answers = await Promise.all(slugs.map((slug) => ask(`/story/${slug}`)));
    return Object.fromEntries(
      answers.map((answer, i) => {
        if (answer.status === 301) return [slugs[i], `301 ${answer.headers.location}`];
        const title = answer.body.match(/<h1>(.*?)<\/h1>/)?.[1];
        return [slugs[i], answer.status === 200 ? title : String(answer.status)];
      }),
    );
  };

  beforeAll(async () => {
    await deploy({ one: 'a', two: 'elsewhere' });
    edge = await startEdge({ store: releaseStore(releasesDir) });
  });
  afterAll(() => edge?.close());

  it('serves the story at its first slug', async () => {
    expect(await outcomes(['a', 'b'])).toEqual({ a: 'Story one', b: '404' });
  });

  it('redirects the old address permanently once the slug changes, keeping the query, for HEAD too', async () => {
    await deploy({ one: 'b', two: 'elsewhere' });
    expect(await outcomes(['a', 'b'])).toEqual({ a: '301 /story/b', b: 'Story one' });
    expect(await ask('/story/a?utm_source=newsletter&x=1')).toMatchObject({
      status: 301,
      headers: {
        location: '/story/b?utm_source=newsletter&x=1',
        'cache-control': 'public, max-age=60, stale-while-revalidate=600',
      },
      body: '',
    });
    expect(await ask('/story/a', 'HEAD')).toMatchObject({ status: 301, headers: { location: '/story/b' } });
  });

  it('redirects the old address percent-encoded too, as the new one is served percent-encoded', async () => {
    expect(await ask('/story/%62')).toMatchObject({ status: 200 });
    expect(await ask('/story/%61?x=1')).toMatchObject({ status: 301, headers: { location: '/story/b?x=1' } });
    expect(await ask('/story/%61/')).toMatchObject({ status: 301, headers: { location: '/story/b' } });
  });

  it.each(STEPS)('%s', async (_, step, expected) => {
    if (step === 'rollback') expect((await run('rollback.ts', [])).code).toBe(0);
    else await deploy(step);
    expect(await outcomes(Object.keys(expected))).toEqual(expected);
  });

  it('writes the same redirects for a hosted CDN', async () => {
    const dist = build({ one: 'c', two: 'later' });
    const result = await run('hosting-headers.ts', [dist, '--target', 'netlify']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 redirect(s)');
    expect(readFileSync(join(dist, '_redirects'), 'utf8')).toBe(
      '/story/a /story/later 301\n/story/b /story/c 301\n/story/elsewhere /story/later 301\n',
    );
  });

  it('does not publish the build’s record of story paths', async () => {
    expect((await ask(`/${STORY_PATHS_FILE}`)).status).toBe(404);
  });
});
