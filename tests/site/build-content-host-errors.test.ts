// A build pointed at a Sanity-API host with a wrong SANITY_DATASET or
// SANITY_TOKEN: the failure names the variable to fix, not "the query may not
// match the lake", and no stack trace.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lake, startLake } from '../../lake/index.ts';
import { runBuild, tempDir } from '../helpers/site-build.ts';

describe('a build against a host that refuses its configuration', () => {
  let lake: Lake;
  const build = (env: Record<string, string>) =>
    runBuild({
      lakeDir: join(tempDir('unused-'), 'must-not-be-created'),
      env: { SANITY_API_HOST: lake.url, SANITY_PROJECT_ID: lake.projectId, SANITY_DATASET: 'production', ...env },
    });

  beforeAll(async () => {
    lake = await startLake({ dataDir: tempDir('newsroom-refusing-lake-'), onError: () => {} });
  });
  afterAll(() => lake?.close());

  it('names SANITY_DATASET when the dataset does not exist', async () => {
    const run = await build({ SANITY_DATASET: 'no-such-dataset' });
    expect(run.code).toBe(1);
    expect(run.output).toContain(
      `Build failed: ContentDatasetMissing: SANITY_DATASET names a dataset that does not exist: "no-such-dataset" on ${lake.url}`,
    );
    expect(run.output).toContain('What to do: Set SANITY_DATASET to one of the project’s datasets');
    expect(run.output).not.toContain('schemas/queries/');
  });

  it('names SANITY_TOKEN when the host refuses the token', async () => {
    const run = await build({ SANITY_TOKEN: 'sk-revoked-or-mistyped' });
    expect(run.code).toBe(1);
    expect(run.output).toContain(
      `Build failed: ContentTokenRefused: The content lake at ${lake.url} refused the build’s read with the token in SANITY_TOKEN`,
    );
    expect(run.output).toContain('What to do: Set SANITY_TOKEN to a token that may read the dataset');
    expect(run.output).not.toContain('schemas/queries/');
  });
});
