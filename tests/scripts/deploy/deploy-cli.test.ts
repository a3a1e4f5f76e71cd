// `npm run deploy` as an operator runs it: what it makes live, what it refuses
// and what it prints when refusing.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseStore } from '../../../scripts/deploy/release-store.ts';
import { type Edge, startEdge } from '../../../scripts/edge/edge-server.ts';

const DEPLOY = join(import.meta.dirname, '../../../scripts/deploy.ts');

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1><a href="/">Front</a></body></html>`;

function buildDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-cli-build-'));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

type Run = { code: number; stdout: string; stderr: string };

function run(releasesDir: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [DEPLOY, ...args],
      { env: { ...process.env, NEWSROOM_RELEASES_DIR: releasesDir } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('deploying a directory that is not a site build', () => {
  const releasesDir = mkdtempSync(join(tmpdir(), 'deploy-cli-releases-'));
  let edge: Edge;
  beforeAll(async () => {
    const first = await run(releasesDir, [buildDir({ 'index.html': page('Live front'), '404.html': page('Gone') })]);
    expect(first.stdout).toMatch(/is live/);
    edge = await startEdge({ store: releaseStore(releasesDir) });
  });
  afterAll(() => edge?.close());

  const liveFront = async () => (await (await fetch(`${edge.url}/`)).text()).match(/<h1>(.*?)<\/h1>/)?.[1];

  it.each([
    ['an empty directory', {}, ['/index.html', '/404.html']],
    ['a directory holding only .env', { '.env': 'SECRET=1' }, ['/index.html', '/404.html']],
    ['a directory of content without a 404 page', { 'index.html': page('Content') }, ['/404.html']],
    ['a directory without a front page', { '404.html': page('Lost'), 'a.html': page('A') }, ['/index.html']],
  ])('refuses %s, naming what is missing, and keeps the live site', async (_, files, missing) => {
    const dir = buildDir(files);
    const result = await run(releasesDir, [dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/is live/);
    expect(result.stderr).toContain(`The build is not valid, so it was not deployed (${missing.length} problem(s)):`);
    for (const path of missing) expect(result.stderr).toContain(`${path}: is missing from ${dir}`);
    expect(await liveFront()).toBe('Live front');
    expect((await fetch(`${edge.url}/.env`)).status).toBe(404);
  });
});
