// `npm run publisher` as an operator of hosted Sanity starts it: what it says
// at start-up about its configuration.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lake, startLake } from '../../../lake/index.ts';
import { ROOT, tempDir } from '../../helpers/site-build.ts';

describe('npm run publisher without SANITY_TOKEN', () => {
  let lake: Lake;

  beforeAll(async () => {
    lake = await startLake({ dataDir: tempDir('newsroom-publisher-cli-lake-'), onError: () => {} });
    await lake.import(join(ROOT, 'content'));
  });
  afterAll(() => lake?.close());

  it('says at start-up that the deploy status cannot be written, and what token to set', async () => {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(SANITY_|NEWSROOM_|LAKE_|PUBLISHER_)/.test(k)),
    );
    const child = spawn(process.execPath, [join(ROOT, 'scripts/publisher.ts')], {
      cwd: ROOT,
      env: {
        ...inherited,
        SANITY_API_HOST: lake.url,
        SANITY_PROJECT_ID: lake.projectId,
        SANITY_DATASET: 'production',
        NEWSROOM_WEBHOOK_SECRET: 'publisher-cli-test-secret',
        NEWSROOM_RELEASES_DIR: tempDir('newsroom-publisher-cli-releases-'),
        NEWSROOM_CACHE_DIR: tempDir('newsroom-publisher-cli-cache-'),
        PUBLISHER_PORT: '0',
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
    await exited;
    expect(output).toContain(
      'SANITY_TOKEN is not set: the site still publishes, but the Studio’s deploy status is not written.',
    );
    expect(output).toContain('What to do: set SANITY_TOKEN to a token that may write to the dataset');
  });
});
