// One lake per data directory. Two lakes on the same directory would each
// keep their own copy of the content in memory and drift apart, so the second
// is refused with an error naming the first. A lake a build starts for itself
// is private: a second build on the same directory waits for it to stop
// instead of reading from a lake that is about to go away under it.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Lake, startLake } from '../../lake/index.ts';
import { claimRunningLake, runningLake } from '../../lake/running-lake.ts';
import { startChildLake } from '../../scripts/support/child-lake.ts';
import { connectToLake } from '../../scripts/support/embedded-lake.ts';
import { lakeService } from '../../scripts/support/lake-service.ts';
import { tempDir } from '../helpers/lake.ts';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});

async function lakeOn(dataDir: string): Promise<Lake> {
  const lake = await startLake({ dataDir, onError: () => {} });
  open.push(lake);
  return lake;
}

/** A pid no process has: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

describe('the lake marker (lake.json)', () => {
  it('is claimed by one lake only: a second claim names the lake that holds the directory', () => {
    const dataDir = tempDir();
    claimRunningLake(dataDir, { pid: process.pid, url: 'http://127.0.0.1:1', projectId: 'local' });
    expect(() =>
      claimRunningLake(dataDir, { pid: process.pid, url: 'http://127.0.0.1:2', projectId: 'local' }),
    ).toThrow(
      expect.objectContaining({
        name: 'LakeAlreadyRunning',
        message: `A lake already serves ${dataDir} (pid ${process.pid}, http://127.0.0.1:1).`,
      }),
    );
    expect(runningLake(dataDir)?.url).toBe('http://127.0.0.1:1');
  });

  it('replaces the marker of a lake that was killed without closing', async () => {
    const dataDir = tempDir();
    const pid = await deadPid();
    writeFileSync(join(dataDir, 'lake.json'), JSON.stringify({ pid, url: 'http://127.0.0.1:1', projectId: 'local' }));
    expect(runningLake(dataDir)).toBeUndefined();
    claimRunningLake(dataDir, { pid: process.pid, url: 'http://127.0.0.1:2', projectId: 'local' });
    expect(JSON.parse(readFileSync(join(dataDir, 'lake.json'), 'utf8'))).toMatchObject({ pid: process.pid });
  });
});

describe('a second lake on the same data directory', () => {
  it('is refused, and the first goes on serving', async () => {
    const dataDir = tempDir();
    const first = await lakeOn(dataDir);
    await expect(startLake({ dataDir, onError: () => {} })).rejects.toMatchObject({
      name: 'LakeAlreadyRunning',
      message: expect.stringContaining(first.url),
    });
    const answer = await fetch(`${first.url}/v2025-02-19/data/query/production?query=count(*)`);
    expect(answer.status).toBe(200);
    await first.close();
    expect(existsSync(join(dataDir, 'lake.json'))).toBe(false);
  });

  it('when two start at the same moment, exactly one serves', async () => {
    const dataDir = tempDir();
    const results = await Promise.allSettled([
      startChildLake({ dataDir }),
      startChildLake({ dataDir }),
      startChildLake({ dataDir }),
    ]);
    const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    for (const lake of started) open.push({ close: lake.stop });
    expect(started).toHaveLength(1);
    expect(runningLake(dataDir)?.url).toBe(started[0]?.url);
  });
});

describe('connecting a build to the lake of a data directory', () => {
  it('reads from a lake someone runs (npm start) and leaves it running', async () => {
    const dataDir = tempDir();
    const lake = await lakeOn(dataDir);
    const connection = await connectToLake({ dataDir });
    expect(connection).toMatchObject({ url: lake.url, shared: true });
    await connection.stop();
    expect(runningLake(dataDir)?.url).toBe(lake.url);
  });

  it("waits for another build's own lake to stop, then starts one of its own", async () => {
    const dataDir = tempDir();
    const first = await connectToLake({ dataDir });
    open.push({ close: first.stop });
    expect(first.shared).toBe(false);
    expect(runningLake(dataDir)).toMatchObject({ url: first.url, private: true });

    let second: Awaited<ReturnType<typeof connectToLake>> | undefined;
    const connecting = connectToLake({ dataDir }).then((c) => {
      second = c;
      open.push({ close: c.stop });
      return c;
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(second, 'the second build must not read from the first build’s lake').toBeUndefined();

    await first.stop();
    const connected = await connecting;
    expect(connected.shared).toBe(false);
    expect(connected.url).not.toBe(first.url);
    const answer = await fetch(`${connected.url}/v2025-02-19/data/query/production?query=count(*)`);
    expect(answer.status).toBe(200);
  });

  it('seeds a data directory that exists but holds no lake (made by hand, or left empty)', async () => {
    const dataDir = tempDir();
    const connection = await connectToLake({ dataDir });
    open.push({ close: connection.stop });
    const answer = await fetch(`${connection.url}/v2025-02-19/data/query/production?query=count(*[_type == "story"])`);
    expect(((await answer.json()) as { result: number }).result).toBeGreaterThan(0);
  });

  it('seeds a data directory reached through a symbolic link where it is, as a mounted volume is', async () => {
    const volume = tempDir();
    const dataDir = join(tempDir(), 'lake');
    symlinkSync(volume, dataDir);
    const connection = await connectToLake({ dataDir });
    open.push({ close: connection.stop });
    const answer = await fetch(`${connection.url}/v2025-02-19/data/query/production?query=count(*[_type == "story"])`);
    expect(((await answer.json()) as { result: number }).result).toBeGreaterThan(0);
    expect(readdirSync(volume)).toContain('lake.db');
  });

  it('seeds a new directory once when two first runs start at the same moment, and both get the seed', async () => {
    const parent = tempDir();
    const dataDir = join(parent, 'lake');
    // Both find no lake and seed; before, the second imported the seed again
    // into the first's directory and failed on documents that exist.
    const connections = [connectToLake({ dataDir }), connectToLake({ dataDir })];
    const first = await Promise.race(connections);
    const count = async (url: string) =>
      ((await (await fetch(`${url}/v2025-02-19/data/query/production?query=count(*)`)).json()) as { result: number })
        .result;
    const seeded = await count(first.url);
    expect(seeded).toBeGreaterThan(0);
    // The other waits for this build's own lake to let go, then reads the same seed.
    await first.stop();
    const [a, b] = await Promise.all(connections);
    const second = a === first ? (b as typeof first) : (a as typeof first);
    open.push({ close: second.stop });
    expect(await count(second.url)).toBe(seeded);
    expect(readdirSync(parent)).toEqual(['lake']);
  });

  it("has npm start wait for a build's own lake too, but not share a directory with another npm start", async () => {
    const dataDir = tempDir();
    const tlsDir = tempDir('newsroom-tls-');
    const service = () => lakeService({ dataDir, port: 0, tlsDir, projectId: 'local', dataset: 'production' });
    const build = await connectToLake({ dataDir });
    open.push({ close: build.stop });

    let started = false;
    const starting = service()
      .start({})
      .then((running) => {
        started = true;
        open.push({ close: running.stop });
        return running;
      });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(started, 'npm start must not open the data while a build’s lake holds it').toBe(false);

    await build.stop();
    const running = await starting;
    expect(runningLake(dataDir)).toMatchObject({ url: expect.stringMatching(/^https:/) });
    expect(runningLake(dataDir)?.private).toBeUndefined();
    expect(running.env?.SANITY_API_HOST).toMatch(/^http:\/\/127\.0\.0\.1:/);
    await expect(service().start({})).rejects.toMatchObject({ name: 'LakeAlreadyRunning' });
  });

  it("stops a build's own lake by itself when the build is killed outright, so no one waits for it forever", async () => {
    const dataDir = tempDir();
    const entry = new URL('../../scripts/support/embedded-lake.ts', import.meta.url).href;
    const build = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { connectToLake } = await import(${JSON.stringify(entry)});
         const lake = await connectToLake({ dataDir: process.env.TEST_LAKE_DIR });
         console.log(lake.url);
         setInterval(() => {}, 1000);`,
      ],
      { env: { ...process.env, TEST_LAKE_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      build.stdout.on('data', (chunk: Buffer) => {
        const line = chunk
          .toString()
          .split('\n')
          .find((l) => l.startsWith('http'));
        if (line) resolve(line.trim());
      });
      build.once('exit', (code) => reject(new Error(`the build exited (${code}) before its lake was up`)));
    });
    expect(runningLake(dataDir)).toMatchObject({ url, private: true });

    build.kill('SIGKILL');
    const until = Date.now() + 10_000;
    while (runningLake(dataDir) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runningLake(dataDir), 'the orphaned lake is still serving').toBeUndefined();
  });
});
