import { z } from 'zod';
import { errors } from '../errors/catalog.ts';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const isoTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'an ISO 8601 date-time');

/**
 * The query string of `GET /data/history/<dataset>/transactions[/<ids>]`:
 * the parameters the Studio's legacy timeline (`reverse`, `toTransaction`,
 * `limit=50`, `excludeContent`, `excludeMutations`,
 * `includeIdentifiedDocumentsOnly`, `effectFormat=mendoza`) and its events
 * mode (`fromTransaction`) send, plus Sanity's `fromTime`, `toTime` and
 * `authors`.
 */
const transactionsSchema = z.object({
  /** Start at this transaction (inclusive). */
  fromTransaction: z.string().min(1).optional(),
  /** End at this transaction (inclusive). */
  toTransaction: z.string().min(1).optional(),
  fromTime: isoTime.optional(),
  toTime: isoTime.optional(),
  /** Comma-separated user ids. */
  authors: z.string().optional(),
  /** Newest first (the range stays the same). */
  reverse: flag,
  limit: z.coerce.number().int().positive().optional(),
  /** Leave document bodies out of `mutations`. */
  excludeContent: flag,
  /** Leave `mutations` out altogether. */
  excludeMutations: flag,
  /** List and give effects for the requested documents only, not every document of the transaction. */
  includeIdentifiedDocumentsOnly: flag,
  /** `mendoza`: each line carries `effects` per document. */
  effectFormat: z.enum(['mendoza']).optional(),
});

export type TransactionsRequest = z.output<typeof transactionsSchema>;

/** `GET /data/history/<dataset>/documents/<ids>`: one point in time (default: now). */
const documentsSchema = z
  .object({
    /** The documents as the transaction with this id left them. */
    revision: z.string().min(1).optional(),
    /** The documents as they were at this time. */
    time: isoTime.optional(),
    /** Each document's last state, deleted ones included. */
    lastRevision: flag,
  })
  .refine(
    (value) => [value.revision !== undefined, value.time !== undefined, value.lastRevision].filter(Boolean).length <= 1,
    'revision, time and lastRevision are mutually exclusive',
  );

export type DocumentsRequest = z.output<typeof documentsSchema>;

export function parseTransactionsRequest(search: URLSearchParams): TransactionsRequest {
  return parse(
    transactionsSchema,
    search,
    'fromTransaction, toTransaction, fromTime, toTime, authors, reverse, limit, excludeContent, excludeMutations, includeIdentifiedDocumentsOnly, effectFormat=mendoza',
  );
}

export function parseDocumentsRequest(search: URLSearchParams): DocumentsRequest {
  return parse(documentsSchema, search, 'one of revision=<transaction id>, time=<ISO date-time>, lastRevision=true');
}

function parse<T extends z.ZodType>(schema: T, search: URLSearchParams, accepted: string): z.output<T> {
  const parsed = schema.safeParse(Object.fromEntries(search));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = issue?.path[0];
  throw errors.badRequest(
    'InvalidHistoryRequest',
    name === undefined
      ? `Invalid history request: ${issue?.message}`
      : `Invalid history parameter "${String(name)}" = ${JSON.stringify(search.get(String(name)))}: ${issue?.message}`,
    `The history endpoint takes ${accepted}.`,
  );
}
