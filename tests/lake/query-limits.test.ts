// A subquery over `*` that depends on the outer document runs once per outer
// result. Before the lake sliced such scans, one over 10k stories kept it from
// answering anything for 91 s, and another grew its heap until it died. These
// tests hold the lake to answering others meanwhile, to stopping such a query
// at its limits with an error naming it, and to the same results as groq-js.
import { evaluate, parse } from 'groq-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LakeDocument } from '../../lake/index.ts';
import { rejection, startTestLake, type TestLake } from '../helpers/lake.ts';

const ITEMS = 3000;
const items: LakeDocument[] = Array.from({ length: ITEMS }, (_, i) => ({
  _id: `item-${String(i).padStart(4, '0')}`,
  _type: 'item',
  n: i,
}));
// Every item compared with every other: 9 million steps.
const QUADRATIC = '*[_type == "item"]{n, "above": count(*[_type == "item" && n > ^.n])}';

let t: TestLake;
let stingy: TestLake;

beforeAll(async () => {
  t = await startTestLake({ queries: { timeoutMs: 500 } });
  t.lake.seed('production', items);
  stingy = await startTestLake({ queries: { heapFraction: 0.001 } });
  stingy.lake.seed('production', items);
});

afterAll(async () => {
  await t?.close();
  await stingy?.close();
});

describe('a query that repeats a scan over thousands of documents', () => {
  it('is stopped at the time limit with a 400 that names the query', async () => {
    const failed = await rejection(t.viewer.fetch(QUADRATIC));
    expect(failed.statusCode).toBe(400);
    expect(failed.body.error).toMatchObject({
      type: 'queryExecutionError',
      description: expect.stringContaining('ran longer than 0.5 s'),
      query: QUADRATIC,
      hint: expect.stringContaining('Narrow the inner filter'),
    });
  });

  it('leaves the lake answering other requests while it runs', async () => {
    const order: string[] = [];
    const heavy = rejection(t.viewer.fetch(QUADRATIC)).then(() => order.push('heavy'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const light = t.viewer.fetch<number>('count(*[_type == "item"])').then((count) => {
      order.push('light');
      return count;
    });
    expect(await light).toBe(ITEMS);
    await heavy;
    expect(order).toEqual(['light', 'heavy']);
  });

  it('is stopped before the heap runs out', async () => {
    const failed = await rejection(stingy.viewer.fetch(QUADRATIC));
    expect(failed.statusCode).toBe(400);
    expect(failed.body.error).toMatchObject({
      type: 'queryExecutionError',
      description: expect.stringMatching(/needed more memory than the lake can give \(\d+ MB of \d+ MB in use/),
    });
    expect(await stingy.viewer.fetch('count(*)')).toBe(ITEMS);
  });

  it.each([
    ['a correlated count per row', '*[_type == "item"][0...3]{n, "above": count(*[_type == "item" && n > ^.n])}'],
    ['a scan of every document per row', '*[_type == "item"][10...12]{"same": *[n == ^.n + 1]._id}'],
    [
      'an ordered correlated subquery',
      '*[_id == "item-0007"]{"next": *[_type == "item" && n > ^.n] | order(n)[0...2].n}',
    ],
  ])('gives the same result as groq-js: %s', async (_name, query) => {
    const expected = await (await evaluate(parse(query), { dataset: items })).get();
    expect(await t.viewer.fetch(query)).toEqual(expected);
  });
});
