// The GROQ test suite (../shared/conformance/groq-test-suite/suite-core.ndjson)
// run over HTTP against one lake: each inline dataset becomes a lake dataset,
// each test's query is sent with its params through @sanity/client, and the
// result must be deep-equal (score() results compared by rank, as the suite
// prescribes); `valid: false` must be answered 400.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LakeDocument } from '../../lake/index.ts';
import { startTestLake, type TestLake } from '../helpers/lake.ts';

/**
 * GROQ features the lake claims (the suite's `features` tags). Not claimed:
 * `geoFunctions` (groq-js has no geo::). Tests for GROQ 0.1, the
 * pre-specification dialect (`version: "0.1"`), are not run either.
 */
const CLAIMED = new Set([
  'portableText',
  'customFunctions',
  'contentReleases',
  'internalDocuments',
  'wildcardMatchSegmentation',
]);

/**
 * Measured: 7,576 of the 7,580 claimed tests pass. The four others are
 * groq-js 2.0.1's own behaviour (the lake's evaluator): array::unique() keeps
 * duplicate nulls. Raise this when groq-js improves. (score() after a
 * projection, which groq-js evaluates, the lake refuses itself:
 * lake/groq/score-placement.ts.)
 */
const MINIMUM_PASSES = 7576;

type SuiteDataset = { _id: string; documents?: LakeDocument[] };
type SuiteTest = {
  _id: string;
  name: string;
  query: string;
  params: Record<string, unknown> | null;
  result: unknown;
  valid: boolean;
  version?: string;
  features?: string[];
  dataset: { _ref: string };
};

const lines = readFileSync(
  join(import.meta.dirname, '../../../shared/conformance/groq-test-suite/suite-core.ndjson'),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { _type: string });
const datasets = lines.filter((entry) => entry._type === 'dataset') as unknown as SuiteDataset[];
const tests = lines.filter((entry) => entry._type === 'test') as unknown as SuiteTest[];
const claimed = tests.filter((test) => test.version !== '0.1' && (test.features ?? []).every((f) => CLAIMED.has(f)));

/** The suite's rule: replace each `_score` by its rank among the distinct scores, highest first. */
function ranked(value: unknown): unknown {
  const scores = new Set<number>();
  const collect = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      const score = (v as { _score?: unknown })._score;
      if (typeof score === 'number') scores.add(score);
      Object.values(v).forEach(collect);
    }
  };
  collect(value);
  const order = [...scores].sort((a, b) => b - a);
  const map = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(map);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v).map(([key, item]) =>
        key === '_score' && typeof item === 'number' ? ['_pos', order.indexOf(item) + 1] : [key, map(item)],
      ),
    );
  };
  return map(value);
}

let t: TestLake;
const names = new Map<string, string>();

beforeAll(async () => {
  t = await startTestLake();
  datasets.forEach((dataset, index) => {
    const name = `suite-${index}`;
    names.set(dataset._id, name);
    t.lake.seed(name, dataset.documents ?? []);
  });
});

afterAll(() => t.close());

async function runOne(test: SuiteTest): Promise<string | undefined> {
  const client = t.client({
    token: t.tokens.viewer,
    dataset: names.get(test.dataset._ref),
    perspective: 'raw',
    maxRetries: 0,
  });
  try {
    const result = await client.fetch(test.query, test.params ?? {});
    if (!test.valid) return 'expected a 400, got a result';
    const actual = test.query.includes('score(') ? ranked(result) : result;
    return isDeepStrictEqual(actual, test.result) ? undefined : `got ${JSON.stringify(actual).slice(0, 160)}`;
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (!test.valid && status === 400) return undefined;
    return `HTTP ${status}: ${(error as Error).message.split('\n')[0]}`;
  }
}

describe('GROQ test suite over HTTP', () => {
  it(`passes at least ${MINIMUM_PASSES} of the ${claimed.length} claimed tests`, async () => {
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const test = claimed[next++] as SuiteTest;
        const problem = await runOne(test);
        if (problem) failures.push(`${test._id} (${test.name}): ${problem}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const passed = claimed.length - failures.length;
    console.log(
      `GROQ conformance: ${passed}/${claimed.length} claimed tests pass (${((100 * passed) / claimed.length).toFixed(2)}%); ` +
        `${tests.length - claimed.length} not claimed (GROQ 0.1 or features ${[...new Set(tests.flatMap((x) => x.features ?? []))].filter((f) => !CLAIMED.has(f)).join(', ')}).\n` +
        failures.map((failure) => `  ✗ ${failure}`).join('\n'),
    );
    expect(passed).toBeGreaterThanOrEqual(MINIMUM_PASSES);
  });
});
