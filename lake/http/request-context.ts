import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { errors } from '../errors/catalog.ts';
import { isLakeError } from '../errors/lake-error.ts';
import type { BodyBudget } from './body-budget.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.ts';

/** The parts of a request the routes read; the same for HTTP/1.1 and HTTP/2. */
export type RequestContext = {
  method: string;
  url: URL;
  /** Route parameters, already URL-decoded (`:dataset`, `:ids`, ...). */
  params: Record<string, string>;
  /** The API version without its `v` (`2025-02-19`, `1`, `X`) for versioned routes. */
  apiVersion: string;
  headers: IncomingHttpHeaders;
  /** The whole body, refused with 413 past the configured limit. */
  body(): Promise<Buffer>;
  /**
   * The body as it arrives, with the same limit: for uploads, which need not
   * be held whole in memory. Read either this or `body()`, once.
   */
  chunks(): AsyncIterable<Buffer>;
  /** The body parsed as JSON; malformed JSON is a 400 naming the parse error. */
  json(): Promise<unknown>;
  /** Gives the bytes `body()` held back to the budget; called once the request is answered. */
  release(): void;
};

/** How request bodies are read. */
export type BodyLimits = {
  /** The largest body; past it, 413. */
  maxBodyBytes: number;
  /** How long a body may send nothing before the request is dropped. */
  idleMs: number;
  /** Bytes held in memory across requests. */
  budget: BodyBudget;
};

export function createRequestContext(
  request: Readable & { method?: string | undefined; headers: IncomingHttpHeaders },
  url: URL,
  limits: BodyLimits,
): RequestContext {
  const { budget } = limits;
  let cached: Promise<Buffer> | undefined;
  let held = 0;
  const body = () => {
    cached ??= readBody(request, limits, (bytes) => {
      if (!budget.take(bytes)) throw errors.bodiesOverBudget();
      held += bytes;
    });
    return cached;
  };
  return {
    method: (request.method ?? 'GET').toUpperCase(),
    url,
    params: {},
    apiVersion: '',
    headers: request.headers,
    body,
    chunks: () => limitedChunks(request, limits),
    release() {
      budget.give(held);
      held = 0;
    },
    async json() {
      const bytes = await body();
      if (bytes.length === 0) throw errors.invalidJsonBody('the body is empty');
      let parsed: unknown;
      try {
        parsed = JSON.parse(bytes.toString('utf8'));
      } catch (error) {
        throw errors.invalidJsonBody(error instanceof Error ? error.message : String(error));
      }
      if (nestsDeeperThan(parsed, MAX_JSON_DEPTH)) {
        throw errors.invalidJsonBody(`it nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`);
      }
      return parsed;
    },
  };
}

async function readBody(request: Readable, limits: BodyLimits, hold: (bytes: number) => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of limitedChunks(request, limits)) {
    hold(chunk.length);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function* limitedChunks(request: Readable, limits: BodyLimits): AsyncGenerator<Buffer> {
  let size = 0;
  // A client that stops sending mid-body is dropped: HTTP/2 has no request
  // timeout of its own, so such a stream held its bytes (and its share of
  // the body budget) for as long as the client kept the connection.
  const arm = () => setTimeout(() => request.destroy(errors.bodyStalled(limits.idleMs, size)), limits.idleMs);
  let stalled = arm();
  try {
    for await (const chunk of request) {
      clearTimeout(stalled);
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buffer.length;
      if (size > limits.maxBodyBytes) {
        // Stop reading; the server answers 413 and closes the connection.
        throw errors.payloadTooLarge(limits.maxBodyBytes);
      }
      yield buffer;
      // Only the client's silence counts, not the time the reader took with this piece.
      stalled = arm();
    }
  } catch (error) {
    // A client that goes away mid-body (an upload cancelled) is the client's
    // doing, not a lake failure to log with its stack as one.
    if (isLakeError(error)) throw error;
    throw errors.bodyIncomplete(size);
  } finally {
    clearTimeout(stalled);
  }
}
