// The site build runs one query over ~10k stories and ~10k other documents
// with many `->`. These tests check that what makes that fast (the Map-backed
// dereference, `_id`/`_type` narrowing, hoisting uncorrelated subqueries)
// never changes a result, by comparing with plain groq-js, and report timings
// (benchmarks assert them; tests do not).
import { evaluate, parse } from 'groq-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LakeDocument } from '../../lake/index.ts';
import { startTestLake, type TestLake } from '../helpers/lake.ts';

function newsroom(stories: number): LakeDocument[] {
  const docs: LakeDocument[] = [];
  const people = Math.max(3, Math.floor(stories / 50));
  const sections = Math.max(2, Math.floor(stories / 500));
  const photos = stories;
  for (let i = 0; i < people; i++) docs.push({ _id: `person-${i}`, _type: 'person', name: `Person ${i}` });
  for (let i = 0; i < sections; i++) docs.push({ _id: `section-${i}`, _type: 'section', name: `Section ${i}` });
  for (let i = 0; i < photos; i++) {
    docs.push({
      _id: `photo-${i}`,
      _type: 'photo',
      caption: `Caption ${i}`,
      credit: { _type: 'reference', _ref: `person-${i % people}` },
    });
  }
  for (let i = 0; i < stories; i++) {
    docs.push({
      _id: `story-${i}`,
      _type: 'story',
      title: `Story ${i}`,
      publishedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
      section: { _type: 'reference', _ref: `section-${i % sections}` },
      bylines: [{ _key: 'b', person: { _type: 'reference', _ref: `person-${i % people}` } }],
      photo: { _type: 'reference', _ref: `photo-${i % photos}` },
      related: [{ _key: 'r', _type: 'reference', _ref: `story-${(i + 1) % stories}` }],
    });
    if (i % 50 === 0)
      docs.push({
        _id: `drafts.story-${i}`,
        _type: 'story',
        title: `Draft ${i}`,
        publishedAt: '2030-01-01T00:00:00.000Z',
      });
  }
  return docs;
}

const SITE_QUERY = `*[_type == "story" && dateTime(publishedAt) <= dateTime($now)] | order(publishedAt desc) {
  _id, title, publishedAt,
  "section": section->{_id, name},
  "bylines": bylines[]{..., "person": person->{_id, name}},
  "photo": photo->{caption, "credit": credit->name},
  "related": related[]->{_id, title}
}`;

let t: TestLake;
// Small enough for plain groq-js, which re-runs nested subqueries per row.
const small = newsroom(40);

beforeAll(async () => {
  t = await startTestLake();
  t.lake.seed('production', newsroom(10_000));
  t.lake.seed('small', small);
});

afterAll(() => t.close());

describe('the site query at 10k stories + 10k other documents', () => {
  it('dereferences every reference, in order, and reports its time', async () => {
    const params = { now: '2030-06-01T00:00:00.000Z' };
    const timings: number[] = [];
    let result: { _id: string; section: { name: string }; photo: { credit: string }; related: { title: string }[] }[] =
      [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      result = await t.viewer.fetch(SITE_QUERY, params);
      timings.push(performance.now() - started);
    }
    console.log(
      `site query over HTTP, 10k stories with derefs: ${timings.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`,
    );
    expect(result).toHaveLength(10_000);
    expect(result[0]).toMatchObject({
      _id: 'story-9999',
      section: { name: 'Section 19' },
      photo: { credit: 'Person 199' },
    });
    expect(result[0]?.related).toEqual([{ _id: 'story-0', title: 'Story 0' }]);
    const drafts = await t.viewer.fetch<unknown[]>(SITE_QUERY, params, { perspective: 'drafts' });
    expect(drafts).toHaveLength(10_000);
    expect(drafts[0]).toMatchObject({ title: 'Draft 0' });
  });
});

describe('optimisations keep results identical to plain groq-js', () => {
  it.each([
    ['the site query', SITE_QUERY],
    ['a type list', '*[_type in ["section", "person"]]{_id}'],
    ['ids from a param', '*[_id in $ids]{_id, title}'],
    [
      'an uncorrelated subquery per row',
      '*[_type == "section"]{name, "people": count(*[_type == "person"]), "first": *[_type == "story"] | order(publishedAt)[0]._id}',
    ],
    [
      'a correlated subquery per row',
      '*[_type == "section"][0...3]{name, "stories": *[_type == "story" && section._ref == ^._id] | order(_id)[0...3]._id}',
    ],
    ['references() per row', '*[_type == "person"][0...5]{_id, "photos": count(*[references(^._id)])}'],
    [
      'nested uncorrelated filters',
      '*[_id in *[_type == "section" && _id in *[_type == "section"][0...5]._id]._id]._id',
    ],
    ['a filter that is not narrowable', '*[title match "Story 1*" || _type == "section"][0...20]._id'],
    [
      'a keyset page',
      '*[(_type == "story" && dateTime(publishedAt) <= dateTime($now)) && _id > $after] | order(_id asc) [0...5] {_id, title}',
    ],
    ['an inclusive slice ordered by _id', '*[_type in ["story", "photo"]] | order(_id) [2..6]._id'],
    ['a range on _id alone', '*[_id >= "photo-3" && _id < "story"]._id'],
    ['a page past the end', '*[_type == "section" && _id > $after] | order(_id asc) [0...5]._id'],
    ['references() at the top, from the reverse index', '*[references($ids)]._id'],
    ['references() with a type', '*[_type == "story" && references($ids, "person-1")]{_id}'],
    ['references() to nothing', '*[references("nobody")]._id'],
  ])('%s', async (_name, query) => {
    const params = { now: '2030-06-01T00:00:00.000Z', ids: ['story-3', 'section-2', 'missing'], after: 'story-12' };
    const dataset = [...small].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    const expected = await (await evaluate(parse(query, { params }), { dataset, params })).get();
    const client = t.client({ token: t.tokens.viewer, dataset: 'small', perspective: 'raw' });
    expect(await client.fetch(query, params)).toEqual(expected);
  });
});
