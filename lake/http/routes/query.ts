import { z } from 'zod';
import { canReadDataset, canReadDrafts, identityOf } from '../../auth/roles.ts';
import { errors } from '../../errors/catalog.ts';
import { runQuery } from '../../groq/run-query.ts';
import { PUBLISHED, parsePerspective } from '../../perspective/perspective.ts';
import { indexView, viewOf } from '../../perspective/view.ts';
import type { LakeRuntime } from '../../runtime.ts';
import { requireDataset } from '../datasets.ts';
import { flag } from '../flags.ts';
import { readGroqParams } from '../groq-params.ts';
import type { RequestContext } from '../request-context.ts';
import type { Route } from '../router.ts';

const postBody = z.object({
  query: z.string({ error: 'the body needs a "query" string' }),
  params: z.record(z.string(), z.unknown()).optional(),
  perspective: z.union([z.string(), z.array(z.string())]).optional(),
});

type QueryRequest = { query: string; params: Record<string, unknown>; perspective: string | undefined };

/** GET: `?query=...&$name=<JSON>&perspective=...`. */
function fromSearchParams(search: URLSearchParams): QueryRequest {
  const query = search.get('query');
  if (query === null) {
    throw errors.badRequest('QueryMissing', 'The request has no "query" parameter', 'Send ?query=<GROQ>.');
  }
  return { query, params: readGroqParams(search), perspective: search.get('perspective') ?? undefined };
}

async function fromBody(context: RequestContext): Promise<QueryRequest> {
  const parsed = postBody.safeParse(await context.json());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw errors.badRequest(
      'InvalidQueryBody',
      `Invalid query request body: ${issue?.path.length ? `"${issue.path.join('.')}": ` : ''}${issue?.message}`,
      'POST {"query": "<GROQ>", "params": {...}} as JSON.',
    );
  }
  const { query, params = {}, perspective } = parsed.data;
  const fromUrl = context.url.searchParams.get('perspective') ?? undefined;
  return { query, params, perspective: Array.isArray(perspective) ? perspective.join(',') : (perspective ?? fromUrl) };
}

async function answer(context: RequestContext, runtime: LakeRuntime, request: QueryRequest) {
  const dataset = context.params.dataset as string;
  const principal = runtime.principal(context);
  const state = requireDataset(runtime, dataset);
  const asked = parsePerspective(request.perspective, context.apiVersion);
  // Hosted Sanity never shows drafts or versions to anonymous requests, whatever they ask for.
  const perspective = canReadDrafts(principal) ? asked : PUBLISHED;
  const started = performance.now();
  const result = await runQuery({
    query: request.query,
    params: request.params,
    view: canReadDataset(principal, runtime.store.aclMode(dataset)) ? viewOf(state, perspective) : indexView([]),
    identity: identityOf(principal),
    sanity: { projectId: runtime.projectId, dataset },
    limits: runtime.queryLimits,
  });
  const ms = Math.round(performance.now() - started);
  const returnQuery = flag(context.url.searchParams, 'returnQuery', true);
  return { json: returnQuery ? { query: request.query, result, ms } : { result, ms } };
}

export const queryRoutes: Route<LakeRuntime>[] = [
  {
    method: 'GET',
    path: '/:version/data/query/:dataset',
    handle: (context, runtime) => answer(context, runtime, fromSearchParams(context.url.searchParams)),
  },
  {
    method: 'POST',
    path: '/:version/data/query/:dataset',
    handle: async (context, runtime) => answer(context, runtime, await fromBody(context)),
  },
];
