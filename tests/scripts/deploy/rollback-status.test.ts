// `npm run rollback` beside a running lake: the edge switches back, and the
// Studio's deploy status follows, so a story whose newer version was rolled
// away no longer shows as live.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTokens, openDatabase } from '../../../lake/index.ts';
import { deployBuild } from '../../../scripts/deploy/deploy-build.ts';
import { releaseStore } from '../../../scripts/deploy/release-store.ts';
import { storyDeployState } from '../../../studio/deploys/story-deploy-state.ts';
import { STORY_DEPLOYMENTS_QUERY, storyDeployments } from '../../../studio/deploys/story-deployments-query.ts';
import { startTestLake, type TestLake } from '../../helpers/lake.ts';
import { smallestBuild } from '../helpers/smallest-build.ts';

const ROLLBACK = join(import.meta.dirname, '../../../scripts/rollback.ts');

describe('rolling back beside a running lake', () => {
  let lake: TestLake;
  const releasesDir = mkdtempSync(join(tmpdir(), 'rollback-releases-'));
  let output: string;
  let older: string;

  beforeAll(async () => {
    lake = await startTestLake();
    const store = releaseStore(releasesDir);
    older = (await deployBuild({ store, buildDir: smallestBuild('v1'), meta: { revisions: { a: 'a-1', b: 'b-1' } } }))
      .manifest.id;
    await deployBuild({ store, buildDir: smallestBuild('v2'), meta: { revisions: { a: 'a-2', b: 'b-1' } } });
    store.close();
    const run = await promisify(execFile)(process.execPath, [ROLLBACK], {
      env: { ...process.env, LAKE_DIR: lake.dataDir, NEWSROOM_RELEASES_DIR: releasesDir, SANITY_API_HOST: '' },
    });
    output = run.stdout;
  });
  afterAll(() => lake?.close());

  const stateOf = async (id: string, rev: string) => {
    const result = await lake.editor.fetch(STORY_DEPLOYMENTS_QUERY, { id });
    return storyDeployState({ id, published: { _rev: rev } }, storyDeployments(result), new Date());
  };

  it('switches the edge back and says the Studio shows it', () => {
    expect(output).toContain(`to ${older}`);
    expect(output).toContain('The Studio shows the rolled-back versions as live');
  });

  it('shows a story whose newer version was rolled away as not live, with an earlier version live', async () => {
    expect(await stateOf('a', 'a-2')).toEqual({ kind: 'notLive', earlierVersionLive: true });
  });

  it('keeps an unchanged story live', async () => {
    expect(await stateOf('b', 'b-1')).toMatchObject({ kind: 'live' });
  });

  it('leaves no token behind', () => {
    const db = openDatabase(lake.dataDir);
    try {
      expect(listTokens(db).map((t) => t.name)).not.toContain('rollback');
    } finally {
      db.close();
    }
  });
});

describe('rolling back with the deploy status on a host that does not answer', () => {
  it('rolls back, and names the host and what to do about the status', async () => {
    const releasesDir = mkdtempSync(join(tmpdir(), 'rollback-releases-'));
    const store = releaseStore(releasesDir);
    const older = (await deployBuild({ store, buildDir: smallestBuild('v1'), meta: { revisions: { a: 'a-1' } } }))
      .manifest.id;
    await deployBuild({ store, buildDir: smallestBuild('v2'), meta: { revisions: { a: 'a-2' } } });
    store.close();
    const run = await promisify(execFile)(process.execPath, [ROLLBACK], {
      env: {
        ...process.env,
        NEWSROOM_RELEASES_DIR: releasesDir,
        SANITY_API_HOST: 'http://127.0.0.1:9',
        SANITY_TOKEN: 'sk-editor',
      },
    });
    expect(run.stdout).toContain(`to ${older}`);
    expect(run.stderr).toBe(
      "The site is rolled back, but the Studio's deploy status could not be updated: The content lake at http://127.0.0.1:9 did not answer: fetch failed.\n" +
        'What to do: Check that the lake is running (npm start) or that SANITY_API_HOST and SANITY_TOKEN are right.\n',
    );
  });
});
