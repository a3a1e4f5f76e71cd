// Embargoes and take-downs on time, with nothing leaking early: the publisher
// schedules a publish at each instant, and until then no output (page, feed,
// sitemap, search index) carries the story.
import { gunzipSync } from 'node:zlib';
import type { SanityClient } from '@sanity/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueTimes, scheduler } from '../../../scripts/publisher/schedule.ts';
import { type PublishedSeed, startPublishedSeed } from '../../helpers/published-seed.ts';

const SEED = 'story-irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';

describe('dueTimes', () => {
  it('lists future publish and take-down instants, soonest first, and nothing past', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(
      dueTimes(
        [
          { _id: 'a', publishedAt: '2026-01-02T00:00:00Z' },
          { _id: 'b', publishedAt: '2025-12-01T00:00:00Z', unpublishAt: '2026-01-01T12:00:00Z' },
          { _id: 'c', publishedAt: '2025-12-01T00:00:00Z' },
        ],
        now,
      ),
    ).toEqual([
      { id: 'b', at: Date.parse('2026-01-01T12:00:00Z') },
      { id: 'a', at: Date.parse('2026-01-02T00:00:00Z') },
    ]);
  });
});

// What the content host answers to the schedule's query: the stories with an
// instant after `$now`, as GROQ's filter would leave them.
function scheduleHost(stories: { _id: string; publishedAt: string }[]): SanityClient {
  const fetch = async (_query: string, params: { now: string }) =>
    stories.filter((s) => Date.parse(s.publishedAt) > Date.parse(params.now));
  return { fetch } as unknown as SanityClient;
}

describe('the schedule read after a publish', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('publishes a story whose embargo ended while the publish announcing it ran', async () => {
    // The publish began 3 s ago, its build read the content before the embargo
    // ended 1 s ago, and no timer was armed for it: only this read can catch it.
    const began = Date.now() - 3000;
    const host = scheduleHost([{ _id: 'story-late', publishedAt: new Date(Date.now() - 1000).toISOString() }]);
    const due: string[][] = [];
    const schedule = scheduler(host, (ids) => due.push(ids));
    await schedule.refresh(began);
    await sleep(50);
    schedule.stop();
    expect(due).toEqual([['story-late']]);
  });

  it('does not publish again an instant its timer already handed out', async () => {
    const host = scheduleHost([{ _id: 'story-soon', publishedAt: new Date(Date.now() + 100).toISOString() }]);
    const due: string[][] = [];
    const schedule = scheduler(host, (ids) => due.push(ids));
    const began = Date.now();
    await schedule.refresh(began);
    await sleep(200);
    // The timer fired during a publish that began before the instant; that
    // publish's schedule read finds it again, and the timer's publish covers it.
    await schedule.refresh(began);
    await sleep(50);
    schedule.stop();
    expect(due).toEqual([['story-soon']]);
  });
});

describe('scheduled publishing and take-down', () => {
  let seed: PublishedSeed;

  beforeAll(async () => {
    seed = await startPublishedSeed({ name: 'schedule', quietMs: 50, maxWaitMs: 500 });
  });
  afterAll(() => seed?.close());

  const notify = (id: string) => seed.webhook({ _id: id, _type: 'story' });
  /**
   * Every file of the live release (or those under `prefix`), as text, joined:
   * what any reader or crawler could get. Pagefind's index files are gzipped.
   */
  const liveOutput = (prefix = '/') => {
    const manifest = seed.store.readManifest(seed.store.liveId() as string);
    return Object.entries(manifest.files)
      .filter(([path]) => path.startsWith(prefix))
      .map(([, f]) => {
        const bytes = seed.store.readBlob(f.hash) ?? Buffer.alloc(0);
        return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('latin1');
      })
      .join('\n');
  };
  const status = async (path: string) => (await fetch(`${seed.edge.url}${path}`)).status;
  /**
   * How far ahead to schedule an instant so that the publish announcing it is
   * live before it comes: three times the last publish, and at least 5 s. A
   * fixed lead failed on a loaded machine, where one build took longer.
   */
  const leadMs = () => {
    const last = seed.publisher.history().findLast((r) => r.finishedAt !== undefined);
    const took = last?.finishedAt ? last.finishedAt - last.startedAt : 0;
    return Math.max(5000, 3 * took);
  };
  const waitFor = async (check: () => Promise<boolean>, ms = 60_000) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };

  it('keeps an embargoed story out of every output until its time, then publishes it by itself', async () => {
    const original = await seed.editor.getDocument(SEED);
    const { _rev, _createdAt, _updatedAt, ...rest } = original as Record<string, unknown>;
    const marker = 'Zyzzogeton embargo marker';
    const at = new Date(Date.now() + leadMs()).toISOString();
    await seed.editor.create({
      ...rest,
      _id: 'story-embargoed',
      _type: 'story',
      headline: marker,
      slug: { _type: 'slug', current: 'embargoed-story' },
      publishedAt: at,
    });
    await notify('story-embargoed');
    await seed.publisher.idle();
    expect(seed.publisher.history().at(-1)?.error).toBeUndefined();
    expect(Date.now(), 'the publish took longer than the lead it was given').toBeLessThan(Date.parse(at));
    expect(await status('/story/embargoed-story')).toBe(404);
    expect(liveOutput()).not.toContain(marker);
    expect(liveOutput()).not.toContain('embargoed-story');

    // No webhook from here on: the scheduler alone must publish it at its time.
    expect(await waitFor(async () => (await status('/story/embargoed-story')) === 200)).toBe(true);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(at));
    expect(liveOutput()).toContain(marker);
    // The search index is read too: the story is findable once, and only once, it is live.
    expect(liveOutput('/pagefind/')).toContain(marker);
  });

  it('takes a story down by itself at its take-down time', async () => {
    const at = new Date(Date.now() + leadMs()).toISOString();
    await seed.editor.patch(SEED).set({ unpublishAt: at }).commit();
    await notify(SEED);
    await seed.publisher.idle();
    const path = '/story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';
    expect(Date.now(), 'the publish took longer than the lead it was given').toBeLessThan(Date.parse(at));
    expect(await status(path)).toBe(200);
    expect(liveOutput('/pagefind/')).toContain(path);
    expect(await waitFor(async () => (await status(path)) === 404)).toBe(true);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(at));
    expect(liveOutput()).not.toContain('Mehmanparast Says');
    // (The embargoed story above copied this one's body: its URL, not its words, is what must go.)
    expect(liveOutput('/pagefind/')).not.toContain(path);
  });
});
