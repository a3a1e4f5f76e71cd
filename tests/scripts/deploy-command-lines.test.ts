// The deploy scripts' arguments as an operator mistypes them: usage and exit 2
// for a wrong command line, one line and exit 1 for a missing directory, never
// a stack trace, and nothing deployed or switched either way.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployBuild } from '../../scripts/deploy/deploy-build.ts';
import { releaseStore } from '../../scripts/deploy/release-store.ts';
import { smallestBuild } from './helpers/smallest-build.ts';

const script = (name: string) => join(import.meta.dirname, '../../scripts', name);

const { NEWSROOM_RETENTION: _, ...environment } = process.env;

type Run = { code: number; stdout: string; stderr: string };

function run(name: string, args: string[], releasesDir: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script(name), ...args],
      { env: { ...environment, NEWSROOM_RELEASES_DIR: releasesDir } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** A store with two releases, the second live, for scripts that would change it. */
async function storeWithReleases(): Promise<{ dir: string; live: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'command-line-releases-'));
  const store = releaseStore(dir);
  await deployBuild({ store, buildDir: smallestBuild() });
  const live = (await deployBuild({ store, buildDir: smallestBuild() })).manifest.id;
  store.close();
  return { dir, live };
}

const build = smallestBuild();

describe.each([
  ['deploy.ts', ['--bogus'], "Unknown option '--bogus'"],
  ['deploy.ts', ['--retention'], "Option '--retention <value>' argument missing"],
  ['deploy.ts', [build, '--retention=abc'], '--retention must be a whole number of releases, 1 or more, not "abc".'],
  ['deploy.ts', [build, '--retention', '0'], '--retention must be a whole number of releases, 1 or more, not "0".'],
  ['deploy.ts', [build, 'extra'], `Give one build directory, not 2: ${build} extra`],
  ['rollback.ts', ['--bogus'], "Unknown option '--bogus'"],
  ['rollback.ts', ['one', 'two'], 'Name one release, not 2.'],
  ['releases.ts', ['--bogus'], "Unknown option '--bogus'"],
  ['releases.ts', ['extra'], "Unexpected argument 'extra'"],
  ['hosting-headers.ts', [], 'Name one build directory.'],
  ['hosting-headers.ts', ['--target'], "Option '--target <value>' argument missing"],
  ['hosting-headers.ts', [build, '--target', 'vercel'], '--target must be netlify, cloudflare, cloudfront, not vercel'],
])('%s %j', (name, args, problem) => {
  it('says what is wrong, shows the usage and exits 2, changing nothing', async () => {
    const { dir, live } = await storeWithReleases();
    const result = await run(name, args, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(problem);
    expect(result.stderr).toContain(`Usage: node scripts/${name}`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
    const store = releaseStore(dir);
    expect([store.count(), store.liveId()]).toEqual([2, live]);
    store.close();
  });
});

describe.each([['deploy.ts'], ['rollback.ts'], ['releases.ts'], ['hosting-headers.ts']])('%s --help', (name) => {
  it('prints the usage and exits 0, changing nothing', async () => {
    const { dir, live } = await storeWithReleases();
    const result = await run(name, ['--help'], dir);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^Usage: node scripts/${name.replace('.', '\\.')}`));
    const store = releaseStore(dir);
    expect([store.count(), store.liveId()]).toEqual([2, live]);
    store.close();
  });
});

describe.each([
  ['deploy.ts', 'npm run deploy -- <dir>'],
  ['hosting-headers.ts', 'name the directory it wrote'],
])('%s with a directory that does not exist', (name, hint) => {
  it('says so in one line and exits 1', async () => {
    const { dir } = await storeWithReleases();
    const missing = join(tmpdir(), 'no-such-build-dir');
    const result = await run(name, [missing], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(`There is no directory ${missing}: `)]);
    expect(result.stderr).toContain(hint);
  });
});

// Under a regular file, so no one can make the store there, whoever runs the test (root ignores modes).
describe.each([
  ['releases.ts', []],
  ['deploy.ts', [build]],
  ['rollback.ts', []],
])('%s with a release store it cannot write', (name, args) => {
  it('names the directory and NEWSROOM_RELEASES_DIR, without a stack trace, and exits 1', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'unwritable-releases-')), 'a-file');
    writeFileSync(file, '');
    const result = await run(name, args, join(file, 'releases'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^The release store ${file}/releases cannot be written: ENOTDIR: [^\n]+\nWhat to do: `),
    );
    expect(result.stderr).toContain('set NEWSROOM_RELEASES_DIR to a directory it can write.');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('the scripts with good arguments', () => {
  it('says a rollback to the release already live changes nothing, and records no switch', async () => {
    const { dir, live } = await storeWithReleases();
    const result = await run('rollback.ts', [live], dir);
    expect(result).toMatchObject({ code: 0, stdout: `Release ${live} is already live; nothing changed.\n` });
    // The next plain rollback still goes back through the deploys.
    const back = await run('rollback.ts', [], dir);
    expect(back.stdout).toMatch(new RegExp(`^Rolled back from ${live} to `));
  });

  it('deploys with a numeric retention, pruning past it', async () => {
    const { dir } = await storeWithReleases();
    const result = await run('deploy.ts', [smallestBuild(), '--retention', '1'], dir);
    expect(result.stdout).toMatch(/^Release \S+ is live/);
    const store = releaseStore(dir);
    expect(store.count()).toBe(1);
    store.close();
  });

  it('writes hosting headers into the directory named', async () => {
    const dir = smallestBuild();
    const result = await run('hosting-headers.ts', [dir, '--target', 'cloudflare'], tmpdir());
    expect(result.code).toBe(0);
    const headers = readFileSync(join(dir, '_headers'), 'utf8');
    expect(headers).toContain('! Cache-Control');
    // nosniff on every file as the edge sends it, said once so Cloudflare does not join two.
    expect(headers).toMatch(/^\/\*\n( {2}.*\n)* {2}X-Content-Type-Options: nosniff\n/);
    expect(headers.match(/nosniff/g)).toHaveLength(1);
  });

  it('writes every redirect for Cloudflare, and warns when there are more than it applies', async () => {
    const dir = smallestBuild();
    mkdirSync(join(dir, '.newsroom'));
    writeFileSync(join(dir, '.newsroom', 'story-paths.json'), JSON.stringify({ 'story-levy': '/story/levy' }));
    // A story renamed many times over the years: each former address redirects.
    // Cloudflare Pages applies 2,000 static redirects from _redirects.
    const history = join(dir, '..', `${basename(dir)}-history.json`);
    const former = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`/story/levy-draft-${i}`, 'story-levy']));
    writeFileSync(history, JSON.stringify(former(2000)));
    const within = await run('hosting-headers.ts', [dir, '--target', 'cloudflare', '--history', history], tmpdir());
    expect(within).toMatchObject({ code: 0, stderr: '' });

    writeFileSync(history, JSON.stringify(former(2001)));
    const past = await run('hosting-headers.ts', [dir, '--target', 'cloudflare', '--history', history], tmpdir());
    expect(past.code).toBe(0);
    expect(past.stderr).toContain(
      `Cloudflare Pages applies at most 2000 redirects from _redirects, and this site has 2001`,
    );
    const lines = readFileSync(join(dir, '_redirects'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2001);
    expect(lines).toContain('/story/levy-draft-2000 /story/levy 301');
    // Netlify has no such limit: no warning.
    const netlify = await run('hosting-headers.ts', [dir, '--target', 'netlify', '--history', history], tmpdir());
    expect(netlify).toMatchObject({ code: 0, stderr: '' });
  });
});
