// The publisher end to end with real parts: a lake over HTTP, real builds, the
// release store and the edge. Webhooks here are signed by the test exactly as
// Sanity signs them.
import { encodeSignatureHeader } from '@sanity/webhook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PublishedSeed, startPublishedSeed } from '../../helpers/published-seed.ts';

const STORY = 'story-irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';
const PATH = '/story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';

describe('the publisher', () => {
  let seed: PublishedSeed;
  const logged: string[] = [];

  beforeAll(async () => {
    // Builds as in production, even under CI (NEWSROOM_STRICT=true, and CI,
    // which quiets the build's log to warnings): an invalid story is left out,
    // a failed build comes from the missing settings, and its output is whole.
    seed = await startPublishedSeed({
      name: 'publisher',
      quietMs: 100,
      maxWaitMs: 1000,
      buildEnv: { NEWSROOM_STRICT: 'false', CI: '' },
      log: (line) => logged.push(line),
    });
  });
  afterAll(() => seed?.close());

  const post = (body: object, sign = true, signedAt = Date.now()) =>
    seed.webhook(body, { sign, signedAt, headers: { 'sanity-operation': 'update' } });
  const page = async (path: string) => {
    const res = await fetch(`${seed.edge.url}${path}`);
    return { status: res.status, html: await res.text() };
  };

  it('puts the site live on start', async () => {
    expect((await page(PATH)).html).toContain('Iran’s Mehmanparast Says ‘Soft War’ Cyber Attacks to Fail');
  });

  it('publishes an edit after a signed webhook, and records the deploy for editors', async () => {
    await seed.editor.patch(STORY).set({ headline: 'Edited and published' }).commit();
    expect((await post({ _id: STORY, _type: 'story' })).status).toBe(202);
    await seed.publisher.idle();
    expect((await page(PATH)).html).toContain('Edited and published');
    const deployment = await seed.editor.fetch<{ status: string; revisions: Record<string, string> }>(
      `*[_type == "deployment"] | order(startedAt desc)[0]{status, revisions}`,
    );
    const rev = await seed.editor.fetch<string>('*[_id == $id][0]._rev', { id: STORY });
    expect(deployment.status).toBe('live');
    expect(deployment.revisions[STORY]).toBe(rev);
  });

  it.each([
    ['no signature', false, Date.now()],
    ['a stale signature', true, Date.now() - 3_600_000],
  ])('refuses a webhook with %s (401) and builds nothing', async (_, sign, signedAt) => {
    const before = seed.publisher.history().length;
    const res = await post({ _id: STORY }, sign, signedAt);
    expect(res.status).toBe(401);
    await seed.publisher.idle();
    expect(seed.publisher.history().length).toBe(before);
  });

  it('refuses a webhook signed with another secret, and builds nothing', async () => {
    const before = seed.publisher.history().length;
    const raw = JSON.stringify({ _id: STORY });
    const res = await fetch(`${seed.publisher.webhooks.url}/webhooks/sanity`, {
      method: 'POST',
      headers: { 'sanity-webhook-signature': await encodeSignatureHeader(raw, Date.now(), 'wrong') },
      body: raw,
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid' });
    await seed.publisher.idle();
    expect(seed.publisher.history().length).toBe(before);
    // Sanity shows the 401 only in its delivery log: the operator reads why here.
    expect(logged).toContain(
      'refused a webhook (401, invalid): Signature is invalid; if Sanity sent it, the webhook’s secret is not the publisher’s NEWSROOM_WEBHOOK_SECRET.',
    );
  });

  it('leaves an invalid story out, and says which and why in its log and to editors', async () => {
    const story = await seed.editor.getDocument(STORY);
    const { _rev, _createdAt, _updatedAt, ...rest } = story as Record<string, unknown>;
    await seed.editor.createOrReplace({
      ...rest,
      _id: 'story-bad-one',
      _type: 'story',
      headline: '   ',
      slug: { _type: 'slug', current: 'bad-one' },
    });
    logged.length = 0;
    expect((await post({ _id: 'story-bad-one', _type: 'story' })).status).toBe(202);
    await seed.publisher.idle();
    expect((await page('/story/bad-one')).status).toBe(404);
    expect(logged.join('\n')).toContain('InvalidDocument: Document "story-bad-one" (story) is invalid at headline');
    expect(logged.join('\n')).toMatch(/release .* live: .*1 invalid document\(s\) left out/);
    const deployment = await seed.editor.fetch<{ status: string; skipped: unknown[] }>(
      `*[_type == "deployment"] | order(startedAt desc)[0]{status, skipped}`,
    );
    expect(deployment).toMatchObject({
      status: 'live',
      skipped: [{ id: 'story-bad-one', type: 'story', problem: expect.stringMatching(/^headline: /) }],
    });
  });

  it('keeps the live site when a build fails, and reports the failure to editors', async () => {
    const live = (await page(PATH)).html;
    logged.length = 0;
    await seed.editor.createOrReplace({ _id: 'siteSettings', _type: 'siteSettings', siteName: '' });
    await post({ _id: 'siteSettings', _type: 'siteSettings' });
    await seed.publisher.idle();
    const last = seed.publisher.history().at(-1);
    expect(last?.error).toBeDefined();
    expect((await page(PATH)).html).toBe(live);
    const deployment = await seed.editor.fetch<{ status: string; error: string; skipped: unknown[] }>(
      `*[_type == "deployment"] | order(startedAt desc)[0]{status, error, skipped}`,
    );
    expect(deployment).toMatchObject({ status: 'failed', error: expect.stringContaining('build failed') });
    expect(deployment.skipped).toContainEqual(expect.objectContaining({ id: 'siteSettings', type: 'siteSettings' }));
    // The operator sees what led to the failure, not only its last words.
    const log = logged.join('\n');
    expect(log).toContain('InvalidDocument: Document "siteSettings" (siteSettings) is invalid at siteName');
    // Its stdout and stderr interleave as they arrive, so the order within the output varies.
    expect(log).toMatch(/the failed build's output \(last \d+ line\(s\)\):\n(build: .*\n)*build: .*Syncing content/);
  });
});
