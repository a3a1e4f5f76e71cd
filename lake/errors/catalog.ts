// The lake's error catalog (the idea of Astro's errors-data.ts): every error
// the lake answers with has a stable name, a description saying what happened
// and a hint saying what to do. Shapes follow Sanity's API (see the report in
// lake/README.md for which were confirmed and which are best knowledge).
import { LakeError } from './lake-error.ts';

export type MutationErrorItem = { error: { type: string; description: string; [key: string]: unknown }; index: number };

export const errors = {
  queryParseError: (description: string, query: string, start: number, end: number) =>
    new LakeError({
      status: 400,
      name: 'QueryParseError',
      type: 'queryParseError',
      description,
      details: { start, end, query },
      hint: 'Fix the GROQ syntax at the marked position; pass values as $params, never by string interpolation.',
    }),

  queryParamMissing: (name: string, query: string, start: number, end: number) =>
    new LakeError({
      status: 400,
      name: 'QueryParamMissing',
      type: 'queryParseError',
      description: `param $${name} referenced, but not provided`,
      details: { start, end, query },
      hint: `Send the parameter as $${name}=<JSON> in the query string, or in "params" of a POST body.`,
    }),

  /** Past MAX_QUERY_DEPTH (groq/query-depth.ts), found while parsing: framed like any parse error. */
  queryTooDeep: (kind: 'brackets' | 'syntax', limit: number, query: string, start: number, end: number) =>
    new LakeError({
      status: 400,
      name: 'QueryTooDeep',
      type: 'queryParseError',
      description:
        kind === 'brackets'
          ? `GROQ query ${excerpt(query)} nests too deeply: more than ${limit} levels of brackets`
          : `GROQ query ${excerpt(query)} nests too deeply: more than ${limit} levels of syntax (each link of a chain of operators, pipes, filters, projections or attributes is one)`,
      details: { start, end, query },
      hint:
        kind === 'brackets'
          ? `Flatten the query to at most ${limit} levels of brackets: pass nested data as a $param, or split it into several queries.`
          : `Shorten the chain to at most ${limit} links: a long \`_id == "a" || _id == "b" || …\` is \`_id in $ids\`; or split it into several queries.`,
    }),

  /** The stack still ran out while evaluating (deep data under a deep query): same name, execution type. */
  queryTooDeepToEvaluate: (limit: number, query: string) =>
    new LakeError({
      status: 400,
      name: 'QueryTooDeep',
      type: 'queryExecutionError',
      description: `GROQ query ${excerpt(query)} nests too deeply to evaluate: its syntax and the data it reads together go deeper than the lake's stack (queries may nest ${limit} levels)`,
      details: { query },
      hint: 'Nest the query, or the data it builds, less deeply, or split it into several queries.',
    }),

  queryEvaluationError: (message: string, query: string) =>
    new LakeError({
      status: 400,
      name: 'QueryEvaluationError',
      type: 'queryExecutionError',
      description: `GROQ query could not be evaluated: ${message}`,
      details: { query },
      hint: 'Check the functions and operators the query uses; the lake evaluates GROQ with groq-js.',
    }),

  queryTooExpensive: (reason: string, query: string) =>
    new LakeError({
      status: 400,
      name: 'QueryTooExpensive',
      type: 'queryExecutionError',
      description: `GROQ query stopped: it ${reason}. A subquery over many documents runs once per result.`,
      details: { query },
      hint: 'Narrow the inner filter by _id, _type or references(), or fetch the two lists separately and join them in code.',
    }),

  badRequest: (name: string, description: string, hint: string) =>
    new LakeError({ status: 400, name, type: 'httpBadRequest', description, hint }),

  invalidJsonBody: (reason: string) =>
    new LakeError({
      status: 400,
      name: 'InvalidJsonBody',
      type: 'httpBadRequest',
      description: `Unable to parse request body as JSON: ${reason}`,
      hint: 'Send a JSON object with content-type application/json.',
    }),

  bodyIncomplete: (receivedBytes: number) =>
    new LakeError({
      status: 400,
      name: 'BodyIncomplete',
      type: 'httpBadRequest',
      description: `The client closed the connection after ${receivedBytes} bytes of the request body, before its end`,
      hint: 'Send the request again; nothing of it was stored.',
    }),

  bodyStalled: (idleMs: number, receivedBytes: number) =>
    new LakeError({
      status: 408,
      name: 'BodyStalled',
      type: 'httpRequestTimeout',
      description: `The client sent nothing for ${idleMs / 1000} s after ${receivedBytes} bytes of the request body; the request was dropped`,
      hint: 'Send the request again; nothing of it was stored.',
    }),

  bodiesOverBudget: () =>
    new LakeError({
      status: 503,
      name: 'BodiesOverBudget',
      type: 'httpServiceUnavailable',
      description: 'The lake is already holding as many bytes of request bodies as it may; this one was refused',
      hint: 'Send it again in a few seconds. If it happens under normal use, raise the lake option maxBufferedBodyBytes.',
      headers: { 'retry-after': '5' },
    }),

  lakeStopping: () =>
    new LakeError({
      status: 503,
      name: 'LakeStopping',
      type: 'httpServiceUnavailable',
      description: 'The lake is stopping: it answers what it was already sent, and takes no new listeners',
      hint: 'Connect again in a moment (the Studio and @sanity/client do so on their own), once the lake is back.',
      headers: { 'retry-after': '2' },
    }),

  payloadTooLarge: (limitBytes: number) =>
    new LakeError({
      status: 413,
      name: 'PayloadTooLarge',
      type: 'httpPayloadTooLarge',
      description: `Request body exceeds the limit of ${limitBytes} bytes`,
      hint: 'Split the request (e.g. smaller mutation batches) or raise the lake option maxBodyBytes.',
    }),

  routeNotFound: (method: string, path: string) =>
    new LakeError({
      status: 404,
      name: 'RouteNotFound',
      type: 'httpNotFound',
      description: `No endpoint for ${method} ${path}`,
      hint: 'Check the API path; the lake serves /v<apiVersion>/data/{query,doc,mutate}/<dataset>, assets, images and datasets.',
    }),

  methodNotAllowed: (method: string, path: string, allowed: string[]) =>
    new LakeError({
      status: 405,
      name: 'MethodNotAllowed',
      type: 'httpMethodNotAllowed',
      description: `Method ${method} is not allowed for ${path}; allowed: ${allowed.join(', ')}`,
      hint: `Use ${allowed.join(' or ')}.`,
      headers: { allow: allowed.join(', ') },
    }),

  datasetNotFound: (dataset: string, projectId: string) =>
    new LakeError({
      status: 404,
      name: 'DatasetNotFound',
      type: 'httpNotFound',
      description: `Dataset "${dataset}" not found for project ID "${projectId}"`,
      hint: `Create it with PUT /v1/projects/${projectId}/datasets/${dataset}, or import data into it.`,
    }),

  invalidDatasetName: (dataset: string) =>
    new LakeError({
      status: 400,
      name: 'InvalidDatasetName',
      type: 'httpBadRequest',
      description: `Dataset name "${dataset}" is invalid`,
      hint: 'Dataset names use lowercase letters, digits, "_" and "-", start with a letter or digit and are at most 64 characters.',
    }),

  notFound: (name: string, description: string, hint: string) =>
    new LakeError({ status: 404, name, type: 'httpNotFound', description, hint }),

  /** An invalid or revoked token: Sanity answers in its gateway style (errorCode SIO-401-ANF). */
  sessionNotFound: () =>
    new LakeError({
      status: 401,
      name: 'SessionNotFound',
      type: 'unauthorized',
      description: 'Session not found',
      style: 'gateway',
      details: { errorCode: 'SIO-401-ANF' },
      hint: 'The bearer token is unknown or revoked; create one with `node scripts/token.ts create`.',
    }),

  forbidden: (description: string) =>
    new LakeError({
      status: 403,
      name: 'Forbidden',
      type: 'forbidden',
      description,
      style: 'gateway',
      hint: 'Use a token whose role allows this (administrator for dataset management).',
    }),

  mutationFailed: (status: 400 | 403 | 409, items: MutationErrorItem[], name = 'MutationFailed') =>
    new LakeError({
      status,
      name,
      type: 'mutationError',
      description: `the mutation(s) failed: ${items.map((item) => item.error.description).join('; ')}`,
      details: { items },
      hint:
        status === 403
          ? 'Send a token with the editor or administrator role: Authorization: Bearer <token>.'
          : 'Nothing was applied: a transaction is all or nothing. Fix the item(s) and resend.',
    }),

  assetError: (name: string, description: string, hint: string) =>
    new LakeError({ status: 400, name, type: 'assetError', description, hint }),

  // A 5xx, not a 4xx: the Studio throws away an edit whose save is answered
  // 400, 403, 409 or 413 (among others), and keeps and retries one answered
  // with anything else, so a journalist's edit outlives a full disk
  // (tests/browser/full-lake.test.ts).
  storageFull: () =>
    new LakeError({
      status: 507,
      name: 'StorageFull',
      type: 'insufficientStorage',
      description: "The lake's storage is full, so nothing of this request was stored",
      hint: "Free space on the disk that holds the lake's data directory (or raise the lake's size cap, maxDatabaseBytes or LAKE_MAX_DATABASE_MB), then send it again; everything stored earlier is intact.",
    }),

  internal: () =>
    new LakeError({
      status: 500,
      name: 'InternalError',
      type: 'internalServerError',
      description: 'The lake failed to handle this request; the failure was logged',
      hint: 'Look at the lake process output for the stack trace.',
    }),
};

/** One item of a mutationError body, naming the mutation (by index) and document at fault. */
export function mutationItem(index: number, type: string, description: string, extra: Record<string, unknown> = {}) {
  return { error: { type, description, ...extra }, index } satisfies MutationErrorItem;
}

/** The start of a query, quoted: raw HTTP callers and execution errors show no frame around the query. */
function excerpt(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return `\`${flat.length > 60 ? `${flat.slice(0, 60)}…` : flat}\``;
}
