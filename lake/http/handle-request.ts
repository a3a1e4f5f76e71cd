import { Readable } from 'node:stream';
import { errors } from '../errors/catalog.ts';
import { isLakeError, type LakeError, toErrorBody } from '../errors/lake-error.ts';
import { isStorageFull } from '../store/storage-full.ts';
import { type BodyBudget, bodyBudget } from './body-budget.ts';
import { corsHeaders, preflightHeaders } from './cors.ts';
import { jsonPieces } from './json-pieces.ts';
import { createRequestContext } from './request-context.ts';
import type { LakeResponse } from './response.ts';
import type { Router } from './router.ts';
import type { AnyRequest, AnyResponse, RequestHandler } from './server.ts';

/** The subset of the HTTP/1.1 and HTTP/2 compatibility response APIs the lake uses. */
type ResponseLike = {
  headersSent: boolean;
  writeHead(status: number, headers?: Record<string, string>): unknown;
  end(data?: Buffer | string): unknown;
};

export type HandlerOptions<Runtime> = {
  router: Router<Runtime>;
  runtime: Runtime;
  maxBodyBytes: number;
  /** The most bytes of request bodies held at once, across requests (at least maxBodyBytes). */
  maxBufferedBodyBytes: number;
  /** How long a request body may send nothing before the request is dropped. */
  bodyIdleTimeoutMs: number;
  /** Where unexpected failures are reported (they are answered 500; the server goes on). */
  logError: (message: string, error: unknown) => void;
};

/** The one place requests become responses and every error becomes Sanity's JSON body. */
export function createRequestHandler<Runtime>(options: HandlerOptions<Runtime>): RequestHandler {
  const budget = bodyBudget(Math.max(options.maxBufferedBodyBytes, options.maxBodyBytes));
  return (request, anyResponse) => {
    const response = anyResponse as unknown as ResponseLike;
    void handle(options, budget, request, anyResponse).catch((error: unknown) => {
      options.logError('lake: failed to write a response', error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  };
}

async function handle<Runtime>(
  options: HandlerOptions<Runtime>,
  budget: BodyBudget,
  request: AnyRequest,
  anyResponse: AnyResponse,
) {
  const response = anyResponse;
  const cors = corsHeaders(request.headers);
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://lake.invalid');
  } catch {
    return send(
      request,
      response,
      errorResponse(errors.routeNotFound(request.method ?? 'GET', String(request.url))),
      cors,
    );
  }
  if (request.method === 'OPTIONS') {
    const headers = preflightHeaders(request.headers, options.router.methodsAt(url.pathname));
    return send(request, response, { status: 204, empty: true, headers }, {});
  }
  let result: LakeResponse;
  const context = createRequestContext(request, url, {
    maxBodyBytes: options.maxBodyBytes,
    idleMs: options.bodyIdleTimeoutMs,
    budget,
  });
  try {
    const { route, match } = options.router.resolve(request.method ?? 'GET', url.pathname);
    context.params = match.params;
    context.apiVersion = match.apiVersion;
    result = await route.handle(context, options.runtime);
  } catch (error) {
    result = errorResponse(failure(options, `${request.method} ${url.pathname}`, error));
  }
  try {
    await send(request, response, result, cors);
  } finally {
    context.release();
  }
}

/** The error a failed request is answered with; unexpected failures are logged. */
function failure<Runtime>(options: HandlerOptions<Runtime>, request: string, error: unknown): LakeError {
  if (isLakeError(error)) return error;
  if (isStorageFull(error)) {
    // An operator's problem, not a bug: one line saying what to free, no stack.
    const why = error instanceof Error ? error.message : String(error);
    options.logError(`lake: ${request} refused: the lake's storage is full (${why})`, undefined);
    return errors.storageFull();
  }
  options.logError(`lake: ${request} failed`, error);
  return errors.internal();
}

function errorResponse(error: LakeError): LakeResponse {
  const headers: Record<string, string> = { ...error.headers };
  return { status: error.status, json: toErrorBody(error), headers };
}

async function send(request: AnyRequest, anyResponse: AnyResponse, result: LakeResponse, cors: Record<string, string>) {
  const response = anyResponse as unknown as ResponseLike;
  const status = result.status ?? 200;
  const headers: Record<string, string> = { ...cors, ...result.headers };
  // An unread request body (413, 503, early errors) must not be parsed as the next HTTP/1.1 request.
  if ((status === 413 || status === 503) && request.httpVersionMajor === 1) headers.connection = 'close';
  const head = request.method === 'HEAD';
  if ('empty' in result) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  if ('json' in result) {
    headers['content-type'] = 'application/json; charset=utf-8';
    // Small answers go whole with their length; big ones (a page of stories)
    // are streamed in pieces, never held as one large string (json-pieces.ts).
    const pieces = jsonPieces(result.json);
    const first = pieces.next();
    const second = pieces.next();
    if (second.done) {
      const body = first.done ? 'null' : first.value;
      headers['content-length'] = String(Buffer.byteLength(body));
      response.writeHead(status, headers);
      response.end(head ? undefined : body);
      return;
    }
    const rest = (function* () {
      yield first.value as string;
      yield second.value;
      yield* pieces;
    })();
    return pipeBody(anyResponse, status, headers, head, Readable.from(rest, { objectMode: false }));
  }
  headers['content-type'] = result.contentType;
  if (result.body instanceof Readable) return pipeBody(anyResponse, status, headers, head, result.body);
  const body = typeof result.body === 'string' ? Buffer.from(result.body) : result.body;
  headers['content-length'] = String(body.length);
  response.writeHead(status, headers);
  response.end(head ? undefined : body);
}

async function pipeBody(
  anyResponse: AnyResponse,
  status: number,
  headers: Record<string, string>,
  head: boolean,
  body: Readable,
): Promise<void> {
  const response = anyResponse as unknown as ResponseLike;
  response.writeHead(status, headers);
  if (head) {
    body.destroy();
    response.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    body
      .once('error', reject)
      .pipe(anyResponse as NodeJS.WritableStream)
      .once('finish', resolve);
    // A client that goes away (a closed listener) ends the response without 'finish': stop the body too.
    (anyResponse as NodeJS.EventEmitter).once('close', () => {
      body.destroy();
      resolve();
    });
    // And the other way: a body destroyed before its end (a listener too slow to keep) leaves pipe()'s
    // response open, the connection held and the client waiting in silence. Close it, so it reconnects.
    body.once('close', () => {
      if (body.readableEnded) return;
      (anyResponse as unknown as { destroy(): void }).destroy();
      resolve();
    });
  });
}
