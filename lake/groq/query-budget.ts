// What a sliced query may still spend. Checked between slices of a repeated
// scan (guard-scans.ts), where the evaluation also gives way to other requests.
import { getHeapStatistics } from 'node:v8';
import { errors } from '../errors/catalog.ts';
import type { QueryLimits } from './query-limits.ts';

export type QueryBudget = {
  /** Throws the query's 400 when a limit is passed. */
  check(): void;
};

export function queryBudget(query: string, limits: QueryLimits): QueryBudget {
  const started = performance.now();
  const heapLimit = getHeapStatistics().heap_size_limit;
  return {
    check() {
      const elapsed = performance.now() - started;
      if (elapsed > limits.timeoutMs)
        throw errors.queryTooExpensive(`ran longer than ${seconds(limits.timeoutMs)}`, query);
      const used = getHeapStatistics().used_heap_size;
      if (used > heapLimit * limits.heapFraction) {
        throw errors.queryTooExpensive(
          `needed more memory than the lake can give (${mb(used)} of ${mb(heapLimit)} in use after ${seconds(elapsed)})`,
          query,
        );
      }
    },
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
