import { describe, expect, it } from 'vitest';
import { buildQueue } from '../../../scripts/publisher/build-queue.ts';
import { type Change, coalescer } from '../../../scripts/publisher/coalescer.ts';

const change = (id: string, breaking = false): Change => ({ id, breaking, receivedAt: Date.now() });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('coalescer', () => {
  it('releases a burst as one batch after the quiet window', async () => {
    const batches: string[][] = [];
    const c = coalescer({ quietMs: 40, maxWaitMs: 1000, onBatch: (b) => batches.push(b.map((x) => x.id)) });
    for (const id of ['a', 'b', 'c']) {
      c.add(change(id));
      await sleep(10);
    }
    await sleep(80);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('never holds a change past the maximum wait, even if publishes keep coming', async () => {
    const batches: string[][] = [];
    const c = coalescer({ quietMs: 50, maxWaitMs: 120, onBatch: (b) => batches.push(b.map((x) => x.id)) });
    for (let i = 0; i < 10; i++) {
      c.add(change(`s${i}`));
      await sleep(30);
    }
    c.flush();
    expect(batches.length).toBeGreaterThanOrEqual(2);
    expect(batches.flat()).toEqual(Array.from({ length: 10 }, (_, i) => `s${i}`));
  });

  it('lets a breaking story skip the wait, taking what was pending with it', () => {
    const batches: string[][] = [];
    const c = coalescer({ quietMs: 10_000, maxWaitMs: 60_000, onBatch: (b) => batches.push(b.map((x) => x.id)) });
    c.add(change('routine'));
    c.add(change('breaking', true));
    expect(batches).toEqual([['routine', 'breaking']]);
    c.stop();
  });
});

describe('build queue', () => {
  it('runs one build at a time and folds changes that arrive meanwhile into one follow-up build', async () => {
    const runs: string[][] = [];
    let concurrent = 0;
    let maxConcurrent = 0;
    const queue = buildQueue(
      async (changes) => {
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        runs.push(changes.map((c) => c.id));
        await sleep(50);
        concurrent--;
      },
      () => {},
    );
    queue.submit([change('a')]);
    await sleep(10);
    queue.submit([change('b')]);
    queue.submit([change('c')]);
    await queue.idle();
    expect(runs).toEqual([['a'], ['b', 'c']]);
    expect(maxConcurrent).toBe(1);
  });

  it('keeps going after a failed build and reports it', async () => {
    const failures: string[] = [];
    const runs: string[] = [];
    const queue = buildQueue(
      async (changes) => {
        runs.push(changes[0]?.id ?? '');
        if (changes[0]?.id === 'bad') throw new Error('boom');
      },
      (error, changes) => failures.push(`${changes[0]?.id}: ${(error as Error).message}`),
    );
    queue.submit([change('bad')]);
    queue.submit([change('good')]);
    await queue.idle();
    expect(failures).toEqual(['bad: boom']);
    expect(runs).toEqual(['bad', 'good']);
  });
});
