// The incremental publish is only worth having if it is exact: after a random
// sequence of edits, each published incrementally over the last release, the
// live release must equal a clean full build of the same content, file for
// file and byte for byte.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lake, startLake } from '../../../lake/index.ts';
import { type ReleaseStore, releaseStore } from '../../../scripts/deploy/release-store.ts';
import { createRandom } from '../../../scripts/generate/random.ts';
import { type BuildRunner, buildRunner } from '../../../scripts/publisher/build-runner.ts';
import { publishOnce } from '../../../scripts/publisher/publish-once.ts';
import { lakeClient, tempDir } from '../../helpers/lake.ts';
import { type QueryRecorder, recordQueries } from '../../helpers/query-recorder.ts';
import { ROOT } from '../../helpers/site-build.ts';

type Client = ReturnType<typeof lakeClient>;
type Doc = Record<string, unknown> & { _id: string; _type: string };

const SEED = Number(process.env.INCREMENTAL_SEED ?? 20261128);

/** One editorial change; returns the ids a webhook would have reported. */
type Edit = (client: Client, pick: <T>(xs: readonly T[]) => T, step: number) => Promise<string[]>;

const stories = (c: Client) =>
  c.fetch<Doc[]>('*[_type == "story" && dateTime(publishedAt) <= dateTime(now())] | order(_id)');

const edits: Record<string, Edit> = {
  headline: async (c, pick, step) => {
    const s = pick(await stories(c));
    await c
      .patch(s._id)
      .set({ headline: `Revised headline ${step}` })
      .commit();
    return [s._id];
  },
  dek: async (c, pick, step) => {
    const s = pick(await stories(c));
    await c
      .patch(s._id)
      .set({ dek: `A new dek, step ${step}.` })
      .commit();
    return [s._id];
  },
  moveSection: async (c, pick) => {
    const s = pick(await stories(c));
    const section = pick(await c.fetch<string[]>('*[_type == "section"]._id'));
    await c
      .patch(s._id)
      .set({ section: { _type: 'reference', _ref: section } })
      .commit();
    return [s._id];
  },
  takeDown: async (c, pick) => {
    // A story another one lists as related cannot be deleted (the lake, like
    // Content Lake, refuses while a strong reference to it remains).
    const related = new Set(await c.fetch<string[]>('*[_type == "story"].related[]._ref'));
    const s = pick((await stories(c)).filter((x) => !related.has(x._id)));
    await c.delete(s._id);
    return [s._id];
  },
  embargo: async (c, pick) => {
    const s = pick(await stories(c));
    await c.patch(s._id).set({ publishedAt: '2999-01-01T00:00:00Z' }).commit();
    return [s._id];
  },
  newStory: async (c, pick, step) => {
    const source = pick(await stories(c));
    const { _rev, _createdAt, _updatedAt, ...rest } = source;
    const id = `story-incremental-${step}`;
    await c.create({
      ...rest,
      _id: id,
      headline: `A new story at step ${step}`,
      slug: { _type: 'slug', current: `a-new-story-at-step-${step}` },
      publishedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    return [id];
  },
  renameSection: async (c, pick, step) => {
    const id = pick(await c.fetch<string[]>('*[_type == "section"]._id'));
    await c
      .patch(id)
      .set({ name: `Desk ${step}` })
      .commit();
    return [id];
  },
  renamePerson: async (c, pick, step) => {
    const id = pick(await c.fetch<string[]>('*[_type == "person" && count(*[references(^._id)]) > 0]._id'));
    await c
      .patch(id)
      .set({ name: `Renamed Reporter ${step}` })
      .commit();
    return [id];
  },
  relate: async (c, pick) => {
    const [a, b] = [pick(await stories(c)), pick(await stories(c))];
    if (a._id === b._id) return [];
    await c
      .patch(a._id)
      .setIfMissing({ related: [] })
      .append('related', [{ _type: 'reference', _ref: b._id, _key: `rel${b._id.length}${Date.now()}` }])
      .commit({ autoGenerateArrayKeys: true });
    return [a._id];
  },
  topic: async (c, pick, step) => {
    const s = pick(await stories(c));
    await c
      .patch(s._id)
      .setIfMissing({ topics: [] })
      .append('topics', [`Topic ${step % 3}`])
      .commit();
    return [s._id];
  },
  quote: async (c, pick, step) => {
    const ids = await c.fetch<string[]>(
      '*[_type == "quote" && count(*[_type == "story" && references(^._id)]) > 0]._id',
    );
    if (ids.length === 0) return [];
    const id = pick(ids);
    await c
      .patch(id)
      .set({ speakerRole: `a spokesperson, step ${step}` })
      .commit();
    return [id];
  },
  settings: async (c, _pick, step) => {
    await c
      .patch('siteSettings')
      .set({ tagline: `News as of step ${step}.` })
      .commit();
    return ['siteSettings'];
  },
};

describe('incremental publishes', () => {
  let lake: Lake;
  let client: Client;
  let builder: BuildRunner;
  let env: Record<string, string>;
  let recorder: QueryRecorder;
  const applied: string[] = [];

  beforeAll(async () => {
    const generated = tempDir('incremental-export-');
    execFileSync(process.execPath, [
      join(ROOT, 'scripts/generate.ts'),
      '--stories',
      '40',
      '--out',
      generated,
      '--seed',
      '7',
    ]);
    lake = await startLake({ dataDir: tempDir('incremental-lake-'), onError: () => {} });
    await lake.import(generated);
    await lake.import(join(ROOT, 'content'), { mode: 'createIfNotExists' });
    const token = lake.tokens.create({ name: 'incremental', role: 'editor' }).token;
    client = lakeClient(lake, { token, perspective: 'published' });
    builder = buildRunner();
    recorder = await recordQueries(lake.url);
    env = {
      SANITY_API_HOST: recorder.url,
      SANITY_PROJECT_ID: lake.projectId,
      SANITY_DATASET: 'production',
      SANITY_TOKEN: token,
    };
  });
  afterAll(async () => {
    await builder?.close();
    await recorder?.close();
    await lake?.close();
  });

  const publish = (store: ReleaseStore, cacheDir: string, changedIds: string[]) =>
    publishOnce({ store, builder, workDir: tempDir('incremental-work-'), cacheDir, env, changedIds });

  /** How many stories the builds since `from` fetched whole (the loader's by-id queries). */
  const storiesFetched = (from: number) =>
    recorder.queries
      .slice(from)
      .filter((q) => q.query.includes('_type == "story"') && q.query.includes('_id in $ids'))
      .reduce((n, q) => n + (q.params.ids as string[]).length, 0);

  it(`after a random sequence of edits (seed ${SEED}), equals a clean full build byte for byte`, async () => {
    const incremental = releaseStore(tempDir('incremental-releases-'));
    const cache = tempDir('incremental-cache-');
    const first = await publish(incremental, cache, []);
    expect(first.manifest.base).toBeUndefined();
    const collection = storiesFetched(0);
    expect(collection).toBeGreaterThan(40);

    // Seeded, so a failing sequence can be replayed.
    const pickFrom = createRandom(SEED).next;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(pickFrom() * xs.length)] as T;
    const kinds = Object.keys(edits);
    const pages = Object.keys(first.manifest.meta.pageKeys as object).length;
    let partial = 0;
    for (let step = 1; step <= 12; step++) {
      const kind = step === 7 ? 'settings' : pick(kinds.filter((k) => k !== 'settings'));
      const ids = await (edits[kind] as Edit)(client, pick, step);
      applied.push(kind);
      const asked = recorder.queries.length;
      const result = await publish(incremental, cache, ids);
      // An edit to one story fetches it (and the few that show it) again, not the collection.
      if (['headline', 'dek', 'topic'].includes(kind)) expect(storiesFetched(asked), kind).toBeLessThan(collection / 4);
      if (result.manifest.base) partial++;
      // Site settings and section names (the navigation) are on every page;
      // any other edit re-renders a few pages, not the site.
      if (kind === 'settings' || kind === 'renameSection') expect(result.rendered).toBeGreaterThan(pages / 2);
      else expect(result.rendered, `${kind} re-rendered ${result.rendered} of ${pages} pages`).toBeLessThan(pages / 4);
    }
    expect(partial, 'publishes after the first build over the live release').toBe(12);

    const full = releaseStore(tempDir('full-releases-'));
    await publish(full, tempDir('full-cache-'), []);

    const a = incremental.readManifest(incremental.liveId() as string).files;
    const b = full.readManifest(full.liveId() as string).files;
    expect(Object.keys(a).sort(), `edits: ${applied.join(', ')}`).toEqual(Object.keys(b).sort());
    const different = Object.keys(b).filter((path) => a[path]?.hash !== b[path]?.hash);
    const diffs = different.slice(0, 3).map((path) => {
      const x = incremental.readBlob(a[path]?.hash as string)?.toString() ?? '';
      const y = full.readBlob(b[path]?.hash as string)?.toString() ?? '';
      const at = [...x].findIndex((ch, i) => ch !== y[i]);
      return `${path} @${at}: ${JSON.stringify(x.slice(Math.max(0, at - 80), at + 80))} vs ${JSON.stringify(y.slice(Math.max(0, at - 80), at + 80))}`;
    });
    expect(different, `edits: ${applied.join(', ')}\n${diffs.join('\n')}`).toEqual([]);
  });
});
