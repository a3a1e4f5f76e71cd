// The publisher end to end with real parts: a lake over HTTP, real builds, the
// release store and the edge. Webhooks here are signed by the test exactly as
// Sanity signs them.
import { join } from 'node:path';
import { encodeSignatureHeader } from '@sanity/webhook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lake, startLake } from '../../../lake/index.ts';
import { releaseStore } from '../../../scripts/deploy/release-store.ts';
import { type Edge, startEdge } from '../../../scripts/edge/edge-server.ts';
import { type Publisher, startPublisher } from '../../../scripts/publisher/publisher.ts';
import { lakeClient, tempDir } from '../../helpers/lake.ts';
import { ROOT } from '../../helpers/site-build.ts';

const SECRET = 'publisher-test-secret';
const STORY = 'story-irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';
const PATH = '/story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';

describe('the publisher', () => {
  let lake: Lake;
  let publisher: Publisher;
  let edge: Edge;
  let editor: ReturnType<typeof lakeClient>;

  beforeAll(async () => {
    lake = await startLake({ dataDir: tempDir('publisher-lake-'), onError: () => {} });
    await lake.import(join(ROOT, 'content'));
    const token = lake.tokens.create({ name: 'publisher', role: 'editor' }).token;
    editor = lakeClient(lake, { token });
    const store = releaseStore(tempDir('publisher-releases-'));
    publisher = await startPublisher({
      store,
      client: editor,
      secret: SECRET,
      workDir: tempDir('publisher-work-'),
      cacheDir: tempDir('publisher-cache-'),
      buildEnv: {
        SANITY_API_HOST: lake.url,
        SANITY_PROJECT_ID: lake.projectId,
        SANITY_DATASET: 'production',
        SANITY_TOKEN: token,
        NEWSROOM_STRICT: undefined,
      },
      quietMs: 100,
      maxWaitMs: 1000,
      log: () => {},
    });
    edge = await startEdge({ store });
    publisher.publishNow('start-up');
    await publisher.idle();
  });
  afterAll(async () => {
    await publisher?.close();
    await edge?.close();
    await lake?.close();
  });

  const post = async (body: object, sign = true, signedAt = Date.now()) => {
    const raw = JSON.stringify(body);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'sanity-operation': 'update' };
    if (sign) headers['sanity-webhook-signature'] = await encodeSignatureHeader(raw, signedAt, SECRET);
    return fetch(`${publisher.webhooks.url}/webhooks/sanity`, { method: 'POST', headers, body: raw });
  };
  const page = async (path: string) => {
    const res = await fetch(`${edge.url}${path}`);
    return { status: res.status, html: await res.text() };
  };

  it('puts the site live on start', async () => {
    expect((await page(PATH)).html).toContain('Iran’s Mehmanparast Says ‘Soft War’ Cyber Attacks to Fail');
  });

  it('publishes an edit after a signed webhook, and records the deploy for editors', async () => {
    await editor.patch(STORY).set({ headline: 'Edited and published' }).commit();
    expect((await post({ _id: STORY, _type: 'story' })).status).toBe(202);
    await publisher.idle();
    expect((await page(PATH)).html).toContain('Edited and published');
    const deployment = await editor.fetch<{ status: string; revisions: Record<string, string> }>(
      `*[_type == "deployment"] | order(startedAt desc)[0]{status, revisions}`,
    );
    const rev = await editor.fetch<string>('*[_id == $id][0]._rev', { id: STORY });
    expect(deployment.status).toBe('live');
    expect(deployment.revisions[STORY]).toBe(rev);
  });

  it.each([
    ['no signature', false, Date.now()],
    ['a stale signature', true, Date.now() - 3_600_000],
  ])('refuses a webhook with %s (401) and builds nothing', async (_, sign, signedAt) => {
    const before = publisher.history().length;
    const res = await post({ _id: STORY }, sign, signedAt);
    expect(res.status).toBe(401);
    await publisher.idle();
    expect(publisher.history().length).toBe(before);
  });

  it('refuses a webhook signed with another secret, and builds nothing', async () => {
    const before = publisher.history().length;
    const raw = JSON.stringify({ _id: STORY });
    const res = await fetch(`${publisher.webhooks.url}/webhooks/sanity`, {
      method: 'POST',
      headers: { 'sanity-webhook-signature': await encodeSignatureHeader(raw, Date.now(), 'wrong') },
      body: raw,
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid' });
    await publisher.idle();
    expect(publisher.history().length).toBe(before);
  });

  it('keeps the live site when a build fails, and reports the failure to editors', async () => {
    const live = (await page(PATH)).html;
    await editor.createOrReplace({ _id: 'siteSettings', _type: 'siteSettings', siteName: '' });
    await post({ _id: 'siteSettings', _type: 'siteSettings' });
    await publisher.idle();
    const last = publisher.history().at(-1);
    expect(last?.error).toBeDefined();
    expect((await page(PATH)).html).toBe(live);
    const deployment = await editor.fetch<{ status: string; error: string }>(
      `*[_type == "deployment"] | order(startedAt desc)[0]{status, error}`,
    );
    expect(deployment).toMatchObject({ status: 'failed', error: expect.stringContaining('build failed') });
  });
});
