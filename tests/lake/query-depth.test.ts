// Queries nested past the depth limits (lake/groq/query-depth.ts). Nested a few
// thousand levels, each shape below once overflowed the stack somewhere in
// the query path (groq-js's parser or evaluator, the lake's own tree walks)
// and came back as "Maximum call stack size exceeded" or a bare 500.
import { parse } from 'groq-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Node } from '../../lake/groq/ast.ts';
import {
  bracketOverflow,
  isStackOverflow,
  MAX_QUERY_DEPTH,
  MAX_SYNTAX_DEPTH,
  treeDeeperThan,
} from '../../lake/groq/query-depth.ts';
import { queryLimitsSchema } from '../../lake/groq/query-limits.ts';
import { runQuery } from '../../lake/groq/run-query.ts';
import { indexView } from '../../lake/perspective/view.ts';
import { rejection, startTestLake, type TestLake } from '../helpers/lake.ts';

const SHAPES: [string, (n: number) => string][] = [
  ['parentheses', (n) => `${'('.repeat(n)}1${')'.repeat(n)}`],
  ['arrays', (n) => `${'['.repeat(n)}1${']'.repeat(n)}`],
  ['objects', (n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`],
  ['select()', (n) => `${'select(true => '.repeat(n)}1${')'.repeat(n)}`],
  ['subqueries', (n) => `${'*[_id in '.repeat(n)}*._id${']'.repeat(n)}`],
  ['negations', (n) => `${'!'.repeat(n)}true`],
  ['sums', (n) => Array(n).fill('1').join(' + ')],
  ['pipes', (n) => `*${' | order(_id)'.repeat(n)}`],
  ['projections', (n) => `*${'{n}'.repeat(n)}`],
  ['filters', (n) => `*${'[true]'.repeat(n)}`],
  ['attributes', (n) => `*${'.n'.repeat(n)}`],
];

/** Which limit `query` is past, if any: its brackets, or the depth of its parsed tree. */
function pastLimit(query: string): 'brackets' | 'syntax' | undefined {
  if (bracketOverflow(query) !== undefined) return 'brackets';
  try {
    return treeDeeperThan(parse(query) as unknown as Node) ? 'syntax' : undefined;
  } catch (error) {
    if (isStackOverflow(error)) return 'syntax';
    throw error;
  }
}

/** The fewest levels of a shape that the limits refuse (levels only ever add depth, so a bisection finds it). */
function firstRefused(make: (n: number) => string): number {
  let [accepted, refused] = [1, 5000];
  while (refused - accepted > 1) {
    const middle = Math.floor((accepted + refused) / 2);
    if (pastLimit(make(middle))) refused = middle;
    else accepted = middle;
  }
  return refused;
}

const deepestAccepted = (make: (n: number) => string) => firstRefused(make) - 1;

/** A projection whose inner scan reads `^` over 1,000+ documents: the lake slices it, so groq-js's async evaluator runs. */
const sliced = (inner: string) => `*[_type == "story"]{"others": count(*[_id != ^._id]), "deep": ${inner}}`;

let t: TestLake;

beforeAll(async () => {
  t = await startTestLake();
  const filler = Array.from({ length: 1000 }, (_, i) => ({ _id: `filler-${i}`, _type: 'filler', n: i }));
  t.lake.seed(t.lake.defaultDataset, [{ _id: 'story-1', _type: 'story', n: 1 }, ...filler]);
});

afterAll(() => t?.close());

describe.each(SHAPES)('a query of nested %s', (_name, make) => {
  it.each(['just past the limit', '5,000 levels deep'])(
    '%s is a queryParseError naming the limit and the query',
    async (depth) => {
      const query = make(depth === '5,000 levels deep' ? 5000 : firstRefused(make));
      const kind = pastLimit(query);
      const limit = kind === 'brackets' ? MAX_QUERY_DEPTH : MAX_SYNTAX_DEPTH;
      const failed = await rejection(t.viewer.fetch(query));
      expect(failed.statusCode).toBe(400);
      expect(failed.body.error).toMatchObject({
        type: 'queryParseError',
        description: expect.stringMatching(
          new RegExp(`^GROQ query \`.{1,60}…\` nests too deeply: more than ${limit} levels of ${kind}`),
        ),
        query,
        start: expect.any(Number),
        end: expect.any(Number),
        hint: expect.stringContaining(`at most ${limit} `),
      });
      expect(failed.message).toMatch(/^GROQ query parse error:/);
    },
  );

  it('as deep as the limit allows runs, synchronously and sliced', async () => {
    await expect(t.viewer.fetch(make(deepestAccepted(make)))).resolves.not.toThrow();
    const inner = deepestAccepted((n) => sliced(make(n)));
    const [story] = await t.viewer.fetch<{ others: number }[]>(sliced(make(inner)));
    expect(story?.others).toBe(1000);
  });
});

describe('nesting elsewhere in the query path', () => {
  it('runs a flat chain as long as the Studio or a script may build, with one bracket', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => `_id == "filler-${i}"`).join(' || ');
    expect(await t.viewer.fetch(`count(*[${ids}])`)).toBe(500);
  });

  it('leaves brackets inside strings and comments uncounted', async () => {
    const deepText = '('.repeat(MAX_QUERY_DEPTH * 2);
    const query = `// ${deepText}\n{"s": "${deepText}", "t": '${'['.repeat(MAX_QUERY_DEPTH * 2)}'}.s`;
    expect(await t.viewer.fetch(query)).toBe(deepText);
  });

  it('refuses a listener whose filter nests too deeply, as a channel error', async () => {
    const error = await new Promise<unknown>((resolve) => {
      const listening = t.editor.listen(`*[${'('.repeat(1000)}true${')'.repeat(1000)}]`).subscribe({ error: resolve });
      setTimeout(() => {
        listening.unsubscribe();
        resolve(new Error('the listener was accepted'));
      }, 5000);
    });
    expect((error as Error).message).toMatch(`nests too deeply: more than ${MAX_QUERY_DEPTH} levels of brackets`);
  });

  it('refuses a webhook whose filter nests too deeply, naming the field', () => {
    const filter = `${'!'.repeat(5000)}true`;
    expect(() => t.lake.webhooks.add({ name: 'deep', url: 'http://127.0.0.1:9/', rule: { filter } } as never)).toThrow(
      `Invalid webhook: rule.filter is not valid GROQ: it nests deeper than ${MAX_SYNTAX_DEPTH} levels of syntax`,
    );
  });

  it('turns a stack overflow while evaluating (deep data from an in-process caller) into a queryExecutionError', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const query = 'pt::text($deep)';
    const evaluating = runQuery({
      query,
      params: { deep },
      view: indexView([]),
      identity: 'test',
      sanity: { projectId: 'local', dataset: 'production' },
      limits: queryLimitsSchema.parse(undefined),
    });
    await expect(evaluating).rejects.toMatchObject({
      name: 'QueryTooDeep',
      status: 400,
      type: 'queryExecutionError',
      description: `GROQ query \`${query}\` nests too deeply to evaluate: its syntax and the data it reads together go deeper than the lake's stack (queries may nest ${MAX_SYNTAX_DEPTH} levels)`,
      details: { query },
    });
  });

  it('still answers afterwards', async () => {
    expect(await t.viewer.fetch('count(*)')).toBe(1001);
  });
});
