// `npm start` as a user runs it: everything comes up and says where, the
// login link works, `npm run build` meanwhile reads the running lake instead
// of opening its data a second time, and Ctrl-C leaves nothing behind.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createClient } from '@sanity/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtStudio } from '../browser/support/built-studio.ts';
import { ROOT, runBuild, tempDir } from '../helpers/site-build.ts';

const SEED_STORY_ID = 'story-irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** `node scripts/start.ts` in its own process group, as a terminal runs it; resolves once it says `until` (by default that it is up), or has exited. */
async function start(env: Record<string, string>, until = 'Press Ctrl-C to stop.'): Promise<Started> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(SANITY_|NEWSROOM_|LAKE_)/.test(k)),
  );
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.ts')], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes(until)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    exited.then(() => resolve());
  });
  return { child, output: () => output, exited };
}

function line(output: string, pattern: RegExp): string {
  const match = output.match(pattern);
  if (!match?.[1]) throw new Error(`npm start did not print ${pattern}:\n${output}`);
  return match[1];
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** npm start's environment for a newsroom of its own under `work` (its lake in `work`/lake), on free ports. */
function ownNewsroom(work: string, studioDist: string): Record<string, string> {
  return {
    LAKE_DIR: join(work, 'lake'),
    LAKE_TLS_DIR: join(work, 'tls'),
    LAKE_PORT: '0',
    STUDIO_PORT: '0',
    SITE_PORT: '0',
    PUBLISHER_PORT: '0',
    STUDIO_DIST: studioDist,
    NEWSROOM_PUBLISHER_DIR: join(work, 'publisher'),
    NEWSROOM_RELEASES_DIR: join(work, 'releases'),
    NEWSROOM_CACHE_DIR: join(work, 'cache'),
  };
}

describe('npm start', () => {
  const work = tempDir('newsroom-start-');
  const lakeDir = join(work, 'lake');
  let studioDist: string;
  let run: Started;

  beforeAll(async () => {
    studioDist = await builtStudio();
    run = await start(ownNewsroom(work, studioDist));
    if (!run.output().includes('The newsroom is up.')) throw new Error(`npm start failed:\n${run.output()}`);
  });
  afterAll(() => {
    if (run?.child.exitCode === null) process.kill(-(run.child.pid as number), 'SIGKILL');
  });

  it('prints the Studio with a working login link, pointed at the lake over HTTPS', async () => {
    const lakeHost = line(run.output(), /Lake: (https:\/\/localhost:\d+)/);
    const studioUrl = line(run.output(), /Studio: (http:\/\/localhost:\d+)\//);
    const token = line(run.output(), /Log in as the first editor: http:\/\/localhost:\d+\/#token=(\S+)/);
    const page = await (await fetch(`${studioUrl}/structure`)).text();
    expect(page).toContain(`<meta name="newsroom:api-host" content="${lakeHost}">`);
    const localTools = line(run.output(), /local tools read (http:\/\/127\.0\.0\.1:\d+)/);
    const me = await fetch(`${localTools}/v2026-05-04/users/me`, {
      headers: { authorization: `Bearer ${decodeURIComponent(token)}` },
    });
    expect(await me.json()).toMatchObject({ name: 'Editor', roles: [{ name: 'administrator' }] });
  });

  it('serves the site built from the lake, through the edge', async () => {
    const siteUrl = line(run.output(), /Site: (http:\/\/localhost:\d+)\//);
    const story = await fetch(`${siteUrl}/story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail`);
    expect(story.status).toBe(200);
    expect(await story.text()).toContain('Photographer: Atta Kenare/AFP/Getty Images');
  });

  it("puts a published edit live on the edge within seconds, through the lake's webhook", async () => {
    const siteUrl = line(run.output(), /Site: (http:\/\/localhost:\d+)\//);
    const localTools = line(run.output(), /local tools read (http:\/\/127\.0\.0\.1:\d+)/);
    const token = decodeURIComponent(
      line(run.output(), /Log in as the first editor: http:\/\/localhost:\d+\/#token=(\S+)/),
    );
    const editor = createClient({
      projectId: 'local',
      dataset: 'production',
      apiHost: localTools,
      useProjectHostname: false,
      apiVersion: '2025-02-19',
      useCdn: false,
      token,
    });
    const headline = `Published through the lake at ${Date.now()}`;
    await editor.patch(SEED_STORY_ID).set({ headline }).commit();
    const started = Date.now();
    let html = '';
    while (Date.now() - started < 60_000 && !html.includes(headline)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      html = await (await fetch(`${siteUrl}/story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail`)).text();
    }
    expect(html).toContain(headline);
    // The publisher records the deploy in the lake just after the release goes live on the edge.
    let status = '';
    while (Date.now() - started < 70_000 && status !== 'live') {
      status = (await editor.fetch<{ status: string }>('*[_type == "deployment"] | order(startedAt desc)[0]{status}'))
        .status;
      if (status !== 'live') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe('live');
  });

  it('lets `npm run build` read the running lake instead of opening its data again', async () => {
    const build = await runBuild({ lakeDir });
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain('Reading from the lake already running on this data directory (http://127.0.0.1:');
    expect(build.output).not.toContain('First run');
    expect(existsSync(join(build.outDir, 'story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail.html'))).toBe(
      true,
    );
  });

  it('stops everything on Ctrl-C and frees its ports', async () => {
    const marker = JSON.parse(readFileSync(join(lakeDir, 'lake.json'), 'utf8')) as { pid: number };
    const ports = [
      'Lake: https://localhost:',
      'Studio: http://localhost:',
      'Site: http://localhost:',
      'Publisher: http://127.0.0.1:',
    ].map((prefix) => Number(line(run.output(), new RegExp(`${prefix}(\\d+)`))));
    // A terminal's Ctrl-C goes to the whole foreground process group.
    process.kill(-(run.child.pid as number), 'SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Stopped.');
    expect(() => process.kill(marker.pid, 0)).toThrow();
    expect(existsSync(join(lakeDir, 'lake.json'))).toBe(false);
    for (const port of ports) expect(await portIsFree(port), `port ${port}`).toBe(true);
  });
});

describe('npm start when a port is taken', () => {
  it('says which port and which variable, and starts nothing', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const lakeDir = join(tempDir('newsroom-start-'), 'lake');
    try {
      const run = await start({ LAKE_DIR: lakeDir, LAKE_PORT: '0', STUDIO_PORT: String(port), SITE_PORT: '0' });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`Port ${port} (STUDIO_PORT) is already in use.`);
      expect(existsSync(lakeDir)).toBe(false);
    } finally {
      blocker.close();
    }
  });
});

describe('npm start with a port that is not a number', () => {
  it('names the variable in the words the scripts run alone use, and starts nothing', async () => {
    const lakeDir = join(tempDir('newsroom-start-'), 'lake');
    const run = await start({ LAKE_DIR: lakeDir, LAKE_PORT: 'abc' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('LAKE_PORT is not a port number: "abc".');
    expect(run.output()).toContain(
      'What to do: Set LAKE_PORT to a whole number from 0 to 65535 (0 picks a free port), or unset it for 4443.',
    );
    expect(run.output()).not.toContain('NaN');
    expect(existsSync(lakeDir)).toBe(false);
  });
});

describe('npm start when its terminal closes', () => {
  it('stops the lake too on SIGHUP, rather than leaving it holding its port and data', async () => {
    const work = tempDir('newsroom-start-hup-');
    const lakeDir = join(work, 'lake');
    const run = await start(ownNewsroom(work, await builtStudio()));
    const marker = JSON.parse(readFileSync(join(lakeDir, 'lake.json'), 'utf8')) as { pid: number };
    try {
      const lakePort = Number(line(run.output(), /Lake: https:\/\/localhost:(\d+)/));
      // A closed terminal hangs up its foreground process group; the lake runs in a group of its own.
      process.kill(-(run.child.pid as number), 'SIGHUP');
      await run.exited;
      expect(() => process.kill(marker.pid, 0)).toThrow();
      expect(existsSync(join(lakeDir, 'lake.json'))).toBe(false);
      expect(await portIsFree(lakePort)).toBe(true);
    } finally {
      if (run.child.exitCode === null) process.kill(-(run.child.pid as number), 'SIGKILL');
      try {
        process.kill(marker.pid, 'SIGKILL');
      } catch {}
    }
  });
});

describe('npm start stopped with Ctrl-C before it is up', () => {
  it('stops what had started and says so, rather than "Start failed" with a fault to fix', async () => {
    const work = tempDir('newsroom-start-int-');
    const lakeDir = join(work, 'lake');
    // An empty STUDIO_DIST: the Studio is built, which takes seconds, and the Ctrl-C reaches that build too.
    const run = await start(ownNewsroom(work, join(work, 'studio')), 'Building the Studio');
    try {
      expect(run.output()).toContain('Building the Studio');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const marker = JSON.parse(readFileSync(join(lakeDir, 'lake.json'), 'utf8')) as { pid: number };
      process.kill(-(run.child.pid as number), 'SIGINT');
      expect(await run.exited).toBe(130);
      expect(run.output()).toContain('Stopped before the newsroom was up.');
      expect(run.output()).not.toContain('Start failed');
      expect(() => process.kill(marker.pid, 0)).toThrow();
      expect(existsSync(join(lakeDir, 'lake.json'))).toBe(false);
    } finally {
      if (run.child.exitCode === null) process.kill(-(run.child.pid as number), 'SIGKILL');
    }
  });
});
