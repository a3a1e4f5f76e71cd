import { z } from 'zod';
import { queryLimitsSchema } from './groq/query-limits.ts';
import { listenOptionsSchema } from './listen/listen-options.ts';
import { webhookOptionsSchema } from './webhooks/webhook-options.ts';

/** The options of `startLake`, checked once at start-up so misconfiguration fails loudly. */
export const lakeOptionsSchema = z.object({
  /** Directory for lake.db (all datasets and tokens), assets/ (originals) and cache/ (image variants). */
  dataDir: z.string().min(1, 'dataDir is required: the directory the lake keeps its data in'),
  /** Interface to listen on. Default loopback: the lake has no network exposure unless asked. */
  host: z.string().min(1).default('127.0.0.1'),
  /** TCP port; 0 (the default) picks a free one, reported in `lake.url`. */
  port: z.number().int().min(0).max(65535).default(0),
  /** The project id clients configure; only this one is served. */
  projectId: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'projectId uses lowercase letters, digits and dashes')
    .default('local'),
  /** Created on start if missing, so a fresh lake answers queries at once. */
  defaultDataset: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/)
    .default('production'),
  /** Base URL written into asset `url` fields. Default: the URL the lake listens on. */
  publicUrl: z.url().optional(),
  /** PEM key and certificate: serve HTTP/2 over TLS (HTTP/1.1 also accepted). Needed by the Studio. */
  tls: z
    .object({ key: z.union([z.string(), z.instanceof(Buffer)]), cert: z.union([z.string(), z.instanceof(Buffer)]) })
    .optional(),
  /** With `tls`: also serve plain HTTP on 127.0.0.1 at this port (0 = a free one), for local tools such as the site build. */
  httpPort: z.number().int().min(0).max(65535).optional(),
  /**
   * Started by one build for itself (see RunningLake.private): other builds
   * wait for it to stop instead of reading from it.
   */
  private: z.boolean().default(false),
  /** Largest request body accepted (uploads, mutations); larger ones get 413. */
  maxBodyBytes: z
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  /**
   * The most bytes of request bodies held in memory at once, across requests
   * (never less than maxBodyBytes); past it a body gets 503. Uploads go to disk and do not count.
   */
  maxBufferedBodyBytes: z
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024),
  /**
   * The most bytes the lake's SQLite file may grow to (unset: as large as the
   * disk allows). Past it, writes are refused with a 507, as on a full disk,
   * and everything already stored stays readable: a cap keeps the lake from
   * taking the space the builds beside it need.
   */
  maxDatabaseBytes: z.number().int().positive().optional(),
  /** How long a request body may send nothing before the request is dropped (HTTP/2 has no request timeout of its own). */
  bodyIdleTimeoutMs: z.number().int().positive().default(60_000),
  /** The most bytes of rendered image variants kept on disk; the least recently used go first. */
  imageCacheBytes: z
    .number()
    .int()
    .positive()
    .default(1024 * 1024 * 1024),
  /** An HTTP/2 session (the Studio's) with no frames for this long is closed; listeners' heartbeats keep theirs open. */
  idleSessionMs: z.number().int().positive().default(120_000),
  /**
   * On close, how long an open HTTP/2 session (an editor's Studio) may be quiet
   * before it is closed. Requests already received are always answered; this is
   * the time a Studio gets to send its last autosave (one a second while typing).
   */
  stopGraceMs: z.number().int().min(0).default(1_500),
  /** Where unexpected failures are reported (default: console.error). */
  onError: z.custom<(message: string, error: unknown) => void>((value) => typeof value === 'function').optional(),
  /** Limits of a query that repeats a large scan: `{timeoutMs, heapFraction}`. */
  queries: queryLimitsSchema,
  /** Listener (`data/listen`) settings: `{heartbeatMs}`. */
  listen: listenOptionsSchema,
  /** Webhook delivery settings: `{maxAttempts, initialBackoffMs, maxBackoffMs, timeoutMs, concurrency, log}`. */
  webhooks: webhookOptionsSchema,
});

export type LakeOptions = z.input<typeof lakeOptionsSchema>;
export type ResolvedLakeOptions = z.output<typeof lakeOptionsSchema>;
