import { canReadDataset, canReadDrafts, identityOf } from '../../auth/roles.ts';
import { isLakeError, type LakeError, toErrorBody } from '../../errors/lake-error.ts';
import { randomId } from '../../ids/random-id.ts';
import { compileMatcher, type DocumentMatcher } from '../../listen/document-matcher.ts';
import { parseListenRequest } from '../../listen/listen-request.ts';
import { SseStream } from '../../listen/sse-stream.ts';
import type { LakeRuntime } from '../../runtime.ts';
import { requireDataset } from '../datasets.ts';
import type { RequestContext } from '../request-context.ts';
import type { LakeResponse } from '../response.ts';
import type { Route } from '../router.ts';

const SSE_HEADERS = { 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' };

/**
 * `GET /v{v}/data/listen/{dataset}`: server-sent events. `welcome` first,
 * then one `mutation` event per matching document per transaction. A
 * reconnect (`lastEventId` query parameter from the Studio's polyfill, or
 * the `Last-Event-ID` header from @sanity/client 8) gets a fresh `welcome`,
 * after which clients refetch: nothing is replayed.
 */
async function listen(context: RequestContext, runtime: LakeRuntime): Promise<LakeResponse> {
  const principal = runtime.principal(context);
  const dataset = context.params.dataset as string;
  requireDataset(runtime, dataset);
  const request = parseListenRequest(context.url.searchParams);
  let matcher: DocumentMatcher | undefined;
  let queryError: unknown;
  try {
    matcher = compileMatcher({
      query: request.query,
      params: request.params,
      identity: identityOf(principal),
      sanity: { projectId: runtime.projectId, dataset },
    });
  } catch (error) {
    if (!isLakeError(error)) throw error;
    queryError = error;
  }
  let remove = () => {};
  const stream = new SseStream(() => remove());
  if (!matcher) {
    // The clients turn `channelError` into an error that names the query fault (a 4xx would only say "failed").
    stream.finish('channelError', toErrorBody(queryError as LakeError));
    return { status: 200, body: stream, contentType: 'text/event-stream', headers: SSE_HEADERS };
  }
  const authorization = context.headers.authorization;
  remove = runtime.listeners.add({
    dataset,
    request,
    matcher,
    matchKey: JSON.stringify([request.query, request.params, identityOf(principal)]),
    accessKey: typeof authorization === 'string' ? authorization : '',
    access() {
      try {
        const current = runtime.principal(context);
        return { dataset: canReadDataset(current, runtime.store.aclMode(dataset)), drafts: canReadDrafts(current) };
      } catch {
        return undefined;
      }
    },
    stream,
  });
  stream.send('welcome', { listenerName: `L${randomId(21)}` });
  return { status: 200, body: stream, contentType: 'text/event-stream', headers: SSE_HEADERS };
}

export const listenRoutes: Route<LakeRuntime>[] = [
  { method: 'GET', path: '/:version/data/listen/:dataset', handle: listen },
];
