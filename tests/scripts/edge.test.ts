// `npm run edge` as an operator runs it: it serves on SITE_PORT, the variable
// the README documents, and a busy port or a bad value is one line naming
// the variable, with a failing exit status and no stack.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/lake.ts';
import { ROOT } from '../helpers/site-build.ts';

type Run = { code: number | null; stdout: string; stderr: string };

/** `node scripts/edge.ts` until it exits or says it serves (then stopped). */
function runEdge(env: Record<string, string>): Promise<Run> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/_PORT$/.test(k)));
  const child = spawn(process.execPath, [join(ROOT, 'scripts/edge.ts')], {
    cwd: ROOT,
    env: { ...inherited, NEWSROOM_RELEASES_DIR: tempDir('edge-cli-releases-'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    if (stdout.includes('Edge serving')) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run edge', () => {
  let busy: Server;
  let busyPort: number;

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  it('serves on SITE_PORT', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const free = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const run = await runEdge({ SITE_PORT: String(free) });
    expect(run.stdout).toContain(`Edge serving the live release at http://127.0.0.1:${free}/`);
    // Its release store is new: until a deploy it answers 503, which the operator is told how to end.
    expect(run.stdout).toMatch(/\nNo release is live yet in \S+: run `npm run build && npm run deploy`/);
  });

  it.each([
    ['a busy port', () => String(busyPort), /Port \d+ is in use.*set SITE_PORT to a free port/],
    ['a value that is not a port', () => 'abc', /SITE_PORT is not a port number: "abc"/],
  ])('with %s, says so in one line naming SITE_PORT and exits 1', async (_, value, says) => {
    const run = await runEdge({ SITE_PORT: value() });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(says);
  });
});
