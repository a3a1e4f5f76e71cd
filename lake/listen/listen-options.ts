import { z } from 'zod';

/** The `listen` option of `startLake`. */
export const listenOptionsSchema = z
  .object({
    /** Milliseconds between `:` heartbeats on open listeners; the Studio's EventSource reconnects after 45 s of silence. */
    heartbeatMs: z.number().int().positive().max(40_000).default(15_000),
  })
  .default({ heartbeatMs: 15_000 });
