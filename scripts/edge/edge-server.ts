// The local CDN edge: serves the live release from the release store the way
// a CDN would, so what is tested locally is what readers get. Pretty URLs, the
// site's 404 page, strong ETags (the content hash) with 304s and 412s,
// precompressed brotli and gzip, byte ranges, cache headers per kind of file,
// and permanent redirects from the addresses stories had before a slug change.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ReleaseStore } from '../deploy/release-store.ts';
import { resolvePublicPath } from '../deploy/resolve-public-path.ts';
import { type Listening, listenHttp } from '../support/listen-http.ts';
import { requestPath } from '../support/request-path.ts';
import { requestedRange } from './byte-range.ts';
import { cacheControlFor } from './cache-policy.ts';
import { contentTypeFor, NOSNIFF } from './content-types.ts';
import { type Live, liveRelease } from './live-release.ts';
import { type Encoding, negotiateEncoding } from './negotiate-encoding.ts';
import { evaluatePreconditions, ifRangeHolds } from './preconditions.ts';

export type EdgeOptions = { store: ReleaseStore; host?: string; port?: number };
export type Edge = Listening;

export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const live = liveRelease(options.store);
  const server = createServer((req, res) => {
    try {
      handle(options.store, live.current(), req, res);
    } catch (error) {
      console.error(`edge: ${req.method} ${req.url} failed:`, error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    }
  });
  // Node hands CONNECT to this event, not to the handler, and closes the
  // connection without a word when nothing listens: a status is clearer.
  server.on('connect', (_req, socket: Duplex) => {
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nAllow: ${ALLOWED}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    );
  });
  return listenHttp(server, { port: options.port, host: options.host, service: 'the edge', portVariable: 'SITE_PORT' });
}

const ALLOWED = 'GET, HEAD';

function handle(store: ReleaseStore, live: Live | undefined, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: ALLOWED }).end();
    return;
  }
  if (!live) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' });
    res.end('No release is live yet: the first build is still running.');
    return;
  }
  const release = live.manifest;
  const urlPath = requestPath(req.url);
  const found = urlPath === undefined ? undefined : resolvePublicPath(urlPath, (p) => p in release.files);
  const moved =
    found || urlPath === undefined
      ? undefined
      : (formerAddress(urlPath, live.redirects) ?? withoutSlash(urlPath, release, live.redirects));
  if (moved) {
    redirect(req, res, moved, release.id);
    return;
  }
  const path = found ?? '/404.html';
  const file = release.files[path];
  const status = found ? 200 : 404;
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const encoding: Encoding | undefined = negotiateEncoding(
    req.headers['accept-encoding'] as string | undefined,
    store.encodings(file.hash),
  );
  // A strong ETag names one representation: the brotli, gzip and plain bytes differ, so their tags do too.
  const etag = `"${file.hash}${encoding ? `-${encoding}` : ''}"`;
  // What a 304 carries too: the validator and what caches key and keep it by (RFC 9110 §15.4.5).
  const headers: Record<string, string> = {
    'cache-control': cacheControlFor(path, status),
    etag,
    vary: 'Accept-Encoding',
    'x-release': release.id,
  };
  const precondition = status === 200 ? evaluatePreconditions(req.headers, etag) : 'proceed';
  if (precondition === 'not-modified') {
    res.writeHead(304, headers).end();
    return;
  }
  if (precondition === 'failed') {
    // No Cache-Control, as for a 416: a cache must not answer the page itself with this.
    res.writeHead(412, { etag, vary: headers.vary, 'x-release': release.id, 'content-length': '0' }).end();
    return;
  }
  const body = store.readBlob(file.hash, encoding);
  if (!body) throw new Error(`release ${release.id} names ${path} → ${file.hash}, which the store lacks`);
  headers['content-type'] = contentTypeFor(path);
  headers[NOSNIFF.name.toLowerCase()] = NOSNIFF.value;
  if (encoding) headers['content-encoding'] = encoding === 'gz' ? 'gzip' : 'br';
  if (status === 200) headers['accept-ranges'] = 'bytes';
  // Only GET has ranges (RFC 9110 §14.2), and If-Range names the bytes the client holds the rest of.
  const range =
    status === 200 && req.method === 'GET' && ifRangeHolds(req.headers, etag)
      ? requestedRange(req.headers.range, body.length)
      : undefined;
  if (range === 'unsatisfiable') {
    // Not cacheable, so no Cache-Control: a cache must not answer the page itself with this.
    res.writeHead(416, {
      'content-range': `bytes */${body.length}`,
      'content-length': '0',
      vary: headers.vary,
      'x-release': release.id,
    });
    res.end();
    return;
  }
  const sent = range ? body.subarray(range.start, range.end + 1) : body;
  if (range) headers['content-range'] = `bytes ${range.start}-${range.end}/${body.length}`;
  headers['content-length'] = String(sent.length);
  res.writeHead(range ? 206 : status, headers);
  res.end(req.method === 'HEAD' ? undefined : sent);
}

/**
 * Where `/story/x/` should go when only `/story/x` is a page: readers and
 * other sites add the slash, and a 404 for it would lose them. The answer
 * may itself be a story's former address, so it resolves through the
 * redirects too.
 */
function withoutSlash(urlPath: string, release: Live['manifest'], redirects: Live['redirects']): string | undefined {
  if (!urlPath.endsWith('/') || urlPath === '/') return undefined;
  // Not /\/+$/: V8 retries that regex at every slash, so a 16 KB path of
  // slashes ending in `a/` cost 0.2 s of the edge's one thread per request.
  let end = urlPath.length;
  while (end > 0 && urlPath[end - 1] === '/') end--;
  const trimmed = urlPath.slice(0, end);
  if (trimmed === '') return undefined;
  if (resolvePublicPath(trimmed, (p) => p in release.files)) return trimmed;
  return formerAddress(trimmed, redirects);
}

/**
 * Where a story's former address leads, looked up as sent and decoded:
 * `/story/%61` is `/story/a` (RFC 3986 §6.2.2.2), as a page is found at
 * either, and as the CloudFront Function looks it up.
 */
function formerAddress(urlPath: string, redirects: Live['redirects']): string | undefined {
  const to = redirects.get(urlPath);
  if (to !== undefined || !urlPath.includes('%')) return to;
  try {
    return redirects.get(decodeURIComponent(urlPath));
  } catch {
    return undefined;
  }
}

/** A permanent redirect to `to`, with the request's query string. */
function redirect(req: IncomingMessage, res: ServerResponse, to: string, releaseId: string) {
  const query = req.url?.indexOf('?') ?? -1;
  res.writeHead(301, {
    location: query >= 0 ? `${to}${req.url?.slice(query)}` : to,
    'cache-control': cacheControlFor(to, 301),
    'content-length': '0',
    'x-release': releaseId,
  });
  res.end();
}
