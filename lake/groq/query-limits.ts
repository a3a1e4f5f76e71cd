import { z } from 'zod';

/**
 * The `queries` option of `startLake`. A subquery over `*` that depends on
 * the outer document runs once per outer result: at 10k stories one such query
 * kept the lake from answering anything else for 91 s, and another grew the
 * heap until the process died. Such queries run in slices (guard-scans.ts)
 * and stop at these limits with a 400 naming the query.
 */
export const queryLimitsSchema = z
  .object({
    /** Longest a query that repeats a scan may run. */
    timeoutMs: z.number().int().positive().default(30_000),
    /** Share of the V8 heap limit in use at which such a query is stopped, before the process runs out. */
    heapFraction: z.number().gt(0).max(0.95).default(0.75),
  })
  .default({ timeoutMs: 30_000, heapFraction: 0.75 });

export type QueryLimits = z.output<typeof queryLimitsSchema>;
