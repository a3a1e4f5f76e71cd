// The publisher's door: Sanity-format webhooks (from the embedded lake or
// hosted Sanity) arrive here, are verified before anything else happens, and
// become changes for the coalescer. A bad request gets a clear error and
// nothing is built; a repeat of one already accepted is acknowledged (so
// Sanity stops retrying) and nothing is built either.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { type Listening, listenHttp } from '../support/listen-http.ts';
import { requestPath } from '../support/request-path.ts';
import type { Change } from './coalescer.ts';
import { type RecentDeliveries, recentDeliveries } from './recent-deliveries.ts';
import { DEFAULT_TOLERANCE_MS, refusalLine, verifyWebhook } from './verify-webhook.ts';

/** What the webhook projection sends: at least the document id. */
const payload = z.looseObject({
  _id: z.string().min(1),
  _type: z.string().optional(),
  breaking: z.boolean().nullish(),
});

export type WebhookServerOptions = {
  secret: string;
  onChange: (change: Change) => void;
  /** Extra read-only routes, e.g. the publisher's status. */
  status?: () => unknown;
  host?: string;
  port?: number;
  maxBodyBytes?: number;
  /** How old a signature may be; repeats are remembered this long. Default five minutes. */
  toleranceMs?: number;
  /** Told of each delivery refused for its signature (a wrong secret looks like this). */
  onRefused?: (line: string) => void;
};

export type WebhookServer = Listening;

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const seen = recentDeliveries();
  const server = createServer((req, res) => {
    handle(req, res, options, seen).catch((error: unknown) => {
      console.error('publisher: webhook handling failed:', error);
      if (!res.headersSent) reply(res, 500, { error: 'internal', message: 'The publisher failed; see its log.' });
    });
  });
  return listenHttp(server, {
    port: options.port,
    host: options.host,
    service: 'the publisher',
    portVariable: 'PUBLISHER_PORT',
  });
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: WebhookServerOptions,
  seen: RecentDeliveries,
): Promise<void> {
  const path = requestPath(req.url);
  if (path === undefined)
    return reply(res, 400, {
      error: 'badRequest',
      message: `The request target ${JSON.stringify(req.url)} is not a URL path.`,
    });
  if (req.method === 'GET' && path === '/status' && options.status) return reply(res, 200, options.status());
  if (path !== '/webhooks/sanity')
    return reply(res, 404, { error: 'notFound', message: `No route ${req.method} ${path}` });
  if (req.method !== 'POST') return reply(res, 405, { error: 'methodNotAllowed', message: 'Webhooks are POSTed.' });

  const body = await readBody(req, options.maxBodyBytes ?? 1024 * 1024);
  if (body === undefined)
    return reply(res, 413, { error: 'tooLarge', message: 'The webhook body is too large.' }, { connection: 'close' });
  const header = req.headers['sanity-webhook-signature'];
  const toleranceMs = options.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  const verdict = await verifyWebhook(body, Array.isArray(header) ? header[0] : header, {
    secret: options.secret,
    toleranceMs,
  });
  if (!verdict.ok) {
    options.onRefused?.(refusalLine(verdict));
    return reply(res, verdict.status, { error: verdict.reason, message: verdict.message });
  }

  let parsed: z.infer<typeof payload>;
  try {
    parsed = payload.parse(JSON.parse(body));
  } catch (error) {
    const message =
      error instanceof z.ZodError
        ? error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
        : 'not JSON';
    return reply(res, 400, { error: 'badPayload', message: `The webhook body is not a document change (${message}).` });
  }
  // The same signature is the same delivery; Sanity's retries of one
  // delivery share an idempotency key. Either seen lately: a repeat, answered
  // 2xx so the sender stops retrying. Remembered until the signature expires.
  const idempotencyKey = req.headers['idempotency-key'];
  const keys = [`signature:${verdict.signature}`];
  if (typeof idempotencyKey === 'string' && idempotencyKey) keys.push(`idempotency-key:${idempotencyKey}`);
  if (!seen.firstTime(keys, Math.max(Date.now(), verdict.timestamp) + toleranceMs))
    return reply(res, 200, {
      duplicate: parsed._id,
      message: 'This delivery was already received; nothing new is built.',
    });
  const operation = req.headers['sanity-operation'];
  options.onChange({
    id: parsed._id,
    type: parsed._type,
    operation: typeof operation === 'string' ? operation : undefined,
    breaking: parsed.breaking === true,
    receivedAt: Date.now(),
  });
  reply(res, 202, { accepted: parsed._id });
}

/**
 * The body, or undefined once it passes `limit`. Past the limit the rest is
 * read and thrown away rather than the socket destroyed: destroying it
 * resets the connection before the 413 reaches a sender still writing, who
 * then sees a network error instead of the reason.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] | undefined = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks?.push(chunk);
      else if (chunks) {
        chunks = undefined;
        resolve(undefined);
      }
    });
    req.on('end', () => resolve(chunks && Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}
