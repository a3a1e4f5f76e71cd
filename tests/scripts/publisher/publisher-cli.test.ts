// `npm run publisher` as an operator of hosted Sanity starts it: what it says
// at start-up about its configuration.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lake, startLake } from '../../../lake/index.ts';
import { ROOT, tempDir } from '../../helpers/site-build.ts';

/** Starts `scripts/publisher.ts` with only `env` of the newsroom's variables; stops it once it listens (or has exited). */
async function publisherOutput(env: Record<string, string>): Promise<{ output: string; code: number | null }> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(SANITY_|NEWSROOM_|LAKE_|PUBLISHER_)/.test(k)),
  );
  const child = spawn(process.execPath, [join(ROOT, 'scripts/publisher.ts')], {
    cwd: ROOT,
    env: {
      ...inherited,
      NEWSROOM_WEBHOOK_SECRET: 'publisher-cli-test-secret',
      NEWSROOM_RELEASES_DIR: tempDir('newsroom-publisher-cli-releases-'),
      NEWSROOM_CACHE_DIR: tempDir('newsroom-publisher-cli-cache-'),
      PUBLISHER_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Publisher listening for Sanity webhooks')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(() => resolve());
  });
  child.kill('SIGTERM');
  return { output, code: await exited };
}

describe('npm run publisher without SANITY_TOKEN', () => {
  let lake: Lake;

  beforeAll(async () => {
    lake = await startLake({ dataDir: tempDir('newsroom-publisher-cli-lake-'), onError: () => {} });
    await lake.import(join(ROOT, 'content'));
  });
  afterAll(() => lake?.close());

  it('says at start-up that the deploy status cannot be written, and what token to set', async () => {
    const { output } = await publisherOutput({
      SANITY_API_HOST: lake.url,
      SANITY_PROJECT_ID: lake.projectId,
      SANITY_DATASET: 'production',
    });
    expect(output).toContain(
      'SANITY_TOKEN is not set: the site still publishes, but the Studio’s deploy status is not written.',
    );
    expect(output).toContain('What to do: set SANITY_TOKEN to a token that may write to the dataset');
  });
});

describe('npm run publisher with a token or dataset the host refuses', () => {
  let lake: Lake;

  beforeAll(async () => {
    lake = await startLake({ dataDir: tempDir('newsroom-publisher-cli-refused-'), onError: () => {} });
    await lake.import(join(ROOT, 'content'));
  });
  afterAll(() => lake?.close());

  // Every build would fail; the operator hears it at start-up, with the variable to fix.
  it('does not start with a token the host refuses, and names SANITY_TOKEN', async () => {
    const { output, code } = await publisherOutput({
      SANITY_API_HOST: lake.url,
      SANITY_PROJECT_ID: lake.projectId,
      SANITY_DATASET: 'production',
      SANITY_TOKEN: 'sk-revoked-long-ago',
    });
    expect(code).toBe(1);
    expect(output).toContain(`Publisher failed to start: The content lake at ${lake.url} refused`);
    expect(output).toContain('the token in SANITY_TOKEN');
    expect(output).toContain('What to do: Set SANITY_TOKEN to a token that may read the dataset');
    expect(output).not.toContain('Publisher listening');
  });

  it('does not start with a dataset the host does not have, and names SANITY_DATASET', async () => {
    const { output, code } = await publisherOutput({
      SANITY_API_HOST: lake.url,
      SANITY_PROJECT_ID: lake.projectId,
      SANITY_DATASET: 'produciton',
    });
    expect(code).toBe(1);
    expect(output).toContain('SANITY_DATASET names a dataset that does not exist: "produciton"');
  });
});

describe('npm run publisher without SANITY_API_HOST', () => {
  // The build's hint (`npm run build` starts a lake itself) would send the operator the wrong way.
  it('says what the publisher needs: where the content is, or npm start for the embedded lake', async () => {
    const { output, code } = await publisherOutput({});
    expect(code).toBe(1);
    expect(output).toContain('SANITY_API_HOST is not set, so there is no content lake to read from.');
    expect(output).toContain(
      "What to do: Set SANITY_API_HOST to where the content is: https://api.sanity.io (with SANITY_PROJECT_ID and SANITY_DATASET) or a running lake's URL.",
    );
    expect(output).not.toContain('npm run build');
  });
});
