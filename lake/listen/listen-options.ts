import { z } from 'zod';

/** The `listen` option of `startLake`. */
export const listenOptionsSchema = z
  .object({
    /** Milliseconds between `:` heartbeats on open listeners; the Studio's EventSource reconnects after 45 s of silence. */
    heartbeatMs: z.number().int().positive().max(40_000).default(15_000),
    /**
     * Bytes of events waiting for slow listeners, all together; past it the
     * slowest are disconnected (EventSource reconnects, and the Studio reads again).
     */
    maxBufferedBytes: z
      .number()
      .int()
      .positive()
      .default(128 * 1024 * 1024),
  })
  .default({ heartbeatMs: 15_000, maxBufferedBytes: 128 * 1024 * 1024 });
