// The badge's query against a real lake, over deployment documents written by
// the publisher's own deploy-status writer: the shapes the two sides agree on
// are exercised end to end, without a build.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployStatus } from '../../scripts/publisher/deploy-status.ts';
import { storyDeployState } from '../../studio/deploys/story-deploy-state.ts';
import { STORY_DEPLOYMENTS_QUERY, storyDeployments } from '../../studio/deploys/story-deployments-query.ts';
import { startTestLake, type TestLake } from '../helpers/lake.ts';

const STORY = 'story-refinery-outage';

describe('the deploy status query', () => {
  let test: TestLake;
  beforeAll(async () => {
    test = await startTestLake();
  });
  afterAll(() => test?.close());

  const read = async () => {
    const story = await test.editor.getDocument(STORY);
    const result = await test.editor.fetch(STORY_DEPLOYMENTS_QUERY, { id: STORY });
    return storyDeployState({ id: STORY, published: story ?? null }, storyDeployments(result), new Date());
  };

  it('follows a story through building, live and failed deploys recorded by the publisher', async () => {
    const status = deployStatus(test.editor);
    const { _rev: rev } = await test.editor.create({ _id: STORY, _type: 'story', headline: 'Refinery outage' });
    expect(await read()).toEqual({ kind: 'unknown' });

    await status.building('run-1', [STORY]);
    expect(await read()).toMatchObject({ kind: 'building' });
    await status.live('run-1', 'release-1', { [STORY]: rev, 'story-other': 'r0' });
    const live = await read();
    const recorded = await test.editor.getDocument('deployment-run-1');
    expect(live).toEqual({ kind: 'live', since: new Date(String(recorded?.finishedAt)), exact: true });

    await sleep(5);
    await test.editor.patch(STORY).set({ headline: 'Refinery outage ends' }).commit();
    await status.building('run-2', [STORY]);
    await status.failed('run-2', 'The build failed: SiteSettingsMissing: There is no published siteSettings document.');
    expect(await read()).toMatchObject({
      kind: 'failed',
      reason: 'The build failed: SiteSettingsMissing: There is no published siteSettings document.',
    });
  });

  it('tells a story left out as invalid, with the problem the publisher recorded', async () => {
    const status = deployStatus(test.editor);
    await test.editor.patch(STORY).set({ headline: '   ' }).commit();
    await status.building('run-3', [STORY]);
    await status.live('run-3', 'release-3', { 'story-other': 'r0' }, [
      { id: 'story-other-bad', type: 'story', problem: 'dek: Too long.' },
      { id: STORY, type: 'story', problem: 'headline: Too small.' },
    ]);
    expect(await read()).toEqual({ kind: 'notLive', earlierVersionLive: false, invalid: 'headline: Too small.' });
  });

  it('skips entries it cannot read rather than failing', () => {
    expect(storyDeployments([{ _id: 'deployment-x', status: 'queued' }, null, 'x'])).toEqual([]);
    expect(storyDeployments({ not: 'an array' })).toEqual([]);
  });
});
