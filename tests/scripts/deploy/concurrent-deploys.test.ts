// Two `npm run deploy` processes on one release store at once, as an operator
// and the publisher can: whichever finishes last is live, and every page of
// it is served. The small deploy's pruning once removed the blobs the big one
// had stored but not yet named in a manifest, and the big one then went live
// answering 500 on every page.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployBuild } from '../../../scripts/deploy/deploy-build.ts';
import { ReleaseIncomplete, releaseStore } from '../../../scripts/deploy/release-store.ts';
import { type Edge, startEdge } from '../../../scripts/edge/edge-server.ts';

const DEPLOY = join(import.meta.dirname, '../../../scripts/deploy.ts');

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1><a href="/">Front</a>${'<p>Filler for the parser to read.</p>'.repeat(60)}</body></html>`;

function buildDir(name: string, stories: number): string {
  const dir = mkdtempSync(join(tmpdir(), `concurrent-${name}-`));
  const files: Record<string, string> = { 'index.html': page(`${name} front`), '404.html': page('Not found') };
  for (let i = 0; i < stories; i++) files[`story/${i}.html`] = page(`${name} story ${i}`);
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

const deploy = (releasesDir: string, dir: string) =>
  promisify(execFile)(process.execPath, [DEPLOY, dir, '--retention', '1'], {
    env: { ...process.env, NEWSROOM_RELEASES_DIR: releasesDir },
  });

/** Resolves once the store holds more blobs than it did: a deploy has stored its files and now validates them. */
async function moreBlobsStored(releasesDir: string): Promise<void> {
  const db = new DatabaseSync(join(releasesDir, 'releases.db'), { readOnly: true });
  try {
    const stored = () => (db.prepare(`SELECT count(*) AS n FROM blob WHERE encoding = ''`).get() as { n: number }).n;
    const before = stored();
    while (stored() === before) await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    db.close();
  }
}

describe('two deploys to one store at once', () => {
  const releasesDir = mkdtempSync(join(tmpdir(), 'concurrent-releases-'));
  let edge: Edge;
  let big: Awaited<ReturnType<typeof deploy>>;
  let small: Awaited<ReturnType<typeof deploy>>;

  beforeAll(async () => {
    const store = releaseStore(releasesDir);
    await deployBuild({ store, buildDir: buildDir('first', 2) });
    await deployBuild({ store, buildDir: buildDir('second', 2) });
    store.close();
    const smallDir = buildDir('small', 2);
    const stored = moreBlobsStored(releasesDir);
    const bigRun = deploy(releasesDir, buildDir('big', 3000));
    // The small deploy (which prunes: 3 releases kept for a retention of 1)
    // starts while the big one validates the pages it has stored.
    await stored;
    small = await deploy(releasesDir, smallDir);
    big = await bigRun;
    edge = await startEdge({ store: releaseStore(releasesDir) });
  }, 120_000);
  afterAll(() => edge?.close());

  it('has the second deploy wait for the first, and say so', () => {
    expect(small.stdout).toContain('Another deploy to this release store is under way; waiting for it to finish');
    expect(big.stdout).toMatch(/is live/);
    expect(small.stdout).toMatch(/is live/);
  });

  it('serves every page of the release that went live last', async () => {
    const front = await fetch(`${edge.url}/`);
    expect(front.status).toBe(200);
    const html = await front.text();
    expect(html).toContain('small front');
    expect((await fetch(`${edge.url}/story/1`)).status).toBe(200);
    expect((await fetch(`${edge.url}/story/nope`)).status).toBe(404);
  });
});

describe('the deploy lock', () => {
  it('is let go when the deploy holding it is killed', async () => {
    const releasesDir = mkdtempSync(join(tmpdir(), 'killed-holder-releases-'));
    // A deployer killed with SIGKILL mid-deploy, standing in for the OOM killer.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('node:sqlite').DatabaseSync)(${JSON.stringify(join(releasesDir, 'deploy.lock'))});
         db.exec('BEGIN EXCLUSIVE'); console.log('held'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await once(holder.stdout, 'data');
    const run = spawn(process.execPath, [DEPLOY, buildDir('after-kill', 1)], {
      env: { ...process.env, NEWSROOM_RELEASES_DIR: releasesDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    run.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('waiting for it to finish')) holder.kill('SIGKILL');
    });
    const [code] = await once(run, 'exit');
    expect(output).toContain('waiting for it to finish');
    expect(output).toMatch(/Release \S+ is live/);
    expect(code).toBe(0);
  }, 60_000);
});

describe('the switch to a new release', () => {
  it('refuses a release naming contents the store lacks, leaving the live one serving', async () => {
    const store = releaseStore(mkdtempSync(join(tmpdir(), 'incomplete-releases-')));
    const { manifest } = await deployBuild({ store, buildDir: buildDir('kept', 1) });
    const edge = await startEdge({ store });
    try {
      const lacking = { ...manifest, id: `${manifest.id}-x`, files: { ...manifest.files } };
      lacking.files['/index.html'] = { hash: 'f'.repeat(64), size: 1 };
      expect(() => store.goLive(lacking)).toThrow(ReleaseIncomplete);
      expect(() => store.goLive(lacking)).toThrow(
        `Release ${lacking.id} was not made live: the release store lacks the contents of /index.html.`,
      );
      expect(store.liveId()).toBe(manifest.id);
      expect(store.count()).toBe(1);
      const front = await fetch(`${edge.url}/`);
      expect(front.status).toBe(200);
      expect(await front.text()).toContain('kept front');
    } finally {
      await edge.close();
    }
  });
});
