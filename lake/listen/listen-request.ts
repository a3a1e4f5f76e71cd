import { z } from 'zod';
import { errors } from '../errors/catalog.ts';
import { readGroqParams } from '../http/groq-params.ts';

const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((value) => (value === undefined || value === '' ? fallback : value === 'true' || value === '1'));

/**
 * The query string of `GET /data/listen/<dataset>`, as @sanity/client (7.28
 * in the Studio, 8.x elsewhere) encodes it: the client drops falsy options,
 * so absent flags take Sanity's defaults. `tag`, `enableResume` and
 * `lastEventId` are accepted and ignored.
 */
const searchSchema = z.object({
  /** A GROQ query; a document matches if the query over that document alone is non-empty. */
  query: z.string({ error: 'The listener needs a "query" parameter (a GROQ filter such as *[_type == "story"])' }),
  /** `result`: the document after the transaction (on by default, as in the API). */
  includeResult: booleanFlag(true),
  /** `previous`: the document before the transaction. */
  includePreviousRevision: booleanFlag(false),
  /** `mutations` (the Studio sends `false` where it only needs effects). */
  includeMutations: booleanFlag(true),
  /** Also `versions.<release>.*` documents (drafts are always included for tokens). */
  includeAllVersions: booleanFlag(false),
  /** Echoed on events. `sync`/`async` are older names; every lake write is visible to queries once acknowledged. */
  visibility: z
    .enum(['sync', 'async', 'deferred', 'query', 'transaction'])
    .optional()
    .transform((value) => (value === 'transaction' ? 'transaction' : 'query')),
  /** `mendoza`: events carry `effects: {apply, revert}`. */
  effectFormat: z.enum(['mendoza']).optional(),
});

export type ListenRequest = z.output<typeof searchSchema> & { params: Record<string, unknown> };

/** Reads and checks the listener's parameters; bad input is a 400 naming the parameter. */
export function parseListenRequest(search: URLSearchParams): ListenRequest {
  const plain = Object.fromEntries([...search].filter(([key]) => !key.startsWith('$')));
  const parsed = searchSchema.safeParse(plain);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'query');
    throw errors.badRequest(
      'InvalidListenRequest',
      name === 'query' && plain.query === undefined
        ? (issue?.message ?? 'The listener needs a "query" parameter')
        : `Invalid listener parameter "${name}": ${JSON.stringify(plain[name])}`,
      'Send ?query=<GROQ filter>, booleans as true/false, visibility=query|transaction, effectFormat=mendoza.',
    );
  }
  return { ...parsed.data, params: readGroqParams(search) };
}
