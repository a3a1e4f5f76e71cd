// An editor fixes a published story's slug: with real builds, the publisher
// and the edge, every address the story had keeps leading to it, and another
// story's body linking to a former address links to the story's page now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PublishedSeed, startPublishedSeed } from '../../helpers/published-seed.ts';

const STORY = 'story-irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';
const FIRST = '/story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';
const LINKER = 'story-linking-to-the-first';

describe('a slug changed in the Studio', () => {
  let seed: PublishedSeed;

  beforeAll(async () => {
    seed = await startPublishedSeed({ name: 'redirects', quietMs: 50, maxWaitMs: 500 });
    // A story whose body links to the first one's address as it was when written.
    const story = (await seed.editor.getDocument(STORY)) as Record<string, unknown>;
    const { _rev, _createdAt, _updatedAt, ...rest } = story;
    await seed.editor.createOrReplace({
      ...rest,
      _id: LINKER,
      _type: 'story',
      headline: 'A story that links to the first',
      slug: { _type: 'slug', current: 'linking' },
      body: [
        {
          _type: 'block',
          _key: 'b1',
          style: 'normal',
          markDefs: [{ _type: 'link', _key: 'l1', href: `${FIRST}?from=linking` }],
          children: [
            { _type: 'span', _key: 's1', text: 'Read ', marks: [] },
            { _type: 'span', _key: 's2', text: 'the first story', marks: ['l1'] },
            { _type: 'span', _key: 's3', text: '.', marks: [] },
          ],
        },
      ],
    });
    await publish(LINKER);
  }, 120_000);
  afterAll(() => seed?.close());

  async function publish(id: string) {
    expect((await seed.webhook({ _id: id, _type: 'story' })).status).toBe(202);
    await seed.publisher.idle();
    expect(seed.publisher.history().at(-1)?.error).toBeUndefined();
  }
  const rename = async (slug: string) => {
    await seed.editor
      .patch(STORY)
      .set({ slug: { _type: 'slug', current: slug } })
      .commit();
    await publish(STORY);
  };
  const outcome = async (path: string) => {
    const res = await fetch(`${seed.edge.url}${path}`, { redirect: 'manual' });
    return res.status === 301 ? `301 ${res.headers.get('location')}` : String(res.status);
  };
  /** The story's id in each feed (RSS guid, Atom id, JSON Feed id), found by its link to `path`. */
  const feedIds = async (path: string) => {
    const get = async (file: string) => (await fetch(`${seed.edge.url}/${file}`)).text();
    const link = (url: string) => new URL(url).pathname === path;
    const rss = [...(await get('rss.xml')).matchAll(/<item>.*?<\/item>/gs)]
      .map(([item]) => ({ link: /<link>([^<]*)/.exec(item)?.[1] ?? '', id: /<guid[^>]*>([^<]*)/.exec(item)?.[1] }))
      .find((item) => link(item.link))?.id;
    const atom = [...(await get('atom.xml')).matchAll(/<entry[ >].*?<\/entry>/gs)]
      .map(([entry]) => ({
        link: /<link rel="alternate" type="text\/html" href="([^"]*)"/.exec(entry)?.[1] ?? '',
        id: /<id>([^<]*)/.exec(entry)?.[1],
      }))
      .find((entry) => link(entry.link))?.id;
    const json = (JSON.parse(await get('feed.json')).items as { id: string; url: string }[]).find((i) =>
      link(i.url),
    )?.id;
    return { rss, atom, json };
  };
  let firstFeedIds: Awaited<ReturnType<typeof feedIds>>;
  const linkerHref = async () =>
    (await (await fetch(`${seed.edge.url}/story/linking`)).text()).match(/<a href="([^"]*)">the first story<\/a>/)?.[1];

  it('links to the story as it is', async () => {
    expect(await linkerHref()).toBe(`${FIRST}?from=linking`);
    firstFeedIds = await feedIds(FIRST);
    expect(firstFeedIds.json).toBeTruthy();
    expect([firstFeedIds.rss, firstFeedIds.atom]).toEqual([firstFeedIds.json, firstFeedIds.json]);
  });

  it('redirects the first address to the second, and the body links to the second', async () => {
    await rename('soft-war');
    expect([await outcome(FIRST), await outcome('/story/soft-war')]).toEqual(['301 /story/soft-war', '200']);
    expect(await linkerHref()).toBe('/story/soft-war?from=linking');
  });

  it('keeps the story’s id in every feed, so feed readers do not show it again as a new story', async () => {
    expect(await feedIds('/story/soft-war')).toEqual(firstFeedIds);
  });

  it('redirects both former addresses to the third', async () => {
    await rename('soft-war-cyber-attacks');
    expect([await outcome(FIRST), await outcome('/story/soft-war')]).toEqual([
      '301 /story/soft-war-cyber-attacks',
      '301 /story/soft-war-cyber-attacks',
    ]);
    expect(await linkerHref()).toBe('/story/soft-war-cyber-attacks?from=linking');
  });

  it('answers 404 at every address once the story is taken down, and the link becomes words', async () => {
    await seed.editor.delete(STORY);
    await publish(STORY);
    const paths = [FIRST, '/story/soft-war', '/story/soft-war-cyber-attacks'];
    expect(await Promise.all(paths.map(outcome))).toEqual(['404', '404', '404']);
    expect(await linkerHref()).toBeUndefined();
    expect(await (await fetch(`${seed.edge.url}/story/linking`)).text()).toContain('Read the first story.');
  });
});
