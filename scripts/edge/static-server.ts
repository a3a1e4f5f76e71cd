// Serves a built site the way a CDN edge would, so what is tested locally is
// what readers get: pretty URLs, the site's 404 page, ETags and 304s, and cache
// headers that let hashed assets be cached forever.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, relative } from 'node:path';
import { pipeline } from 'node:stream';
import { type Listening, listenHttp } from '../support/listen-http.ts';
import { requestPath } from '../support/request-path.ts';
import { contentTypeFor } from './content-types.ts';
import { resolvePath } from './resolve-path.ts';

export type StaticServerOptions = {
  /** The directory to serve; a function so the live release can change between requests. */
  root: () => string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
};

export type StaticServer = Listening;

/** Files under these prefixes have a content hash in their name and never change. */
const IMMUTABLE = /^\/(_astro|_img)\//;

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const server = createServer((req, res) => {
    handle(options.root(), req, res).catch((error: unknown) => {
      console.error(`edge: ${req.method} ${req.url} failed:`, error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });
  return listenHttp(server, { port: options.port, host: options.host, service: 'the static site server' });
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const urlPath = requestPath(req.url);
  if (urlPath === undefined) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('The request target is not a URL path.');
    return;
  }
  const file = await resolvePath(root, urlPath);
  if (!file) {
    await send(req, res, join(root, '404.html'), 404, 'no-cache');
    return;
  }
  const cache = IMMUTABLE.test(`/${relative(root, file)}`)
    ? 'public, max-age=31536000, immutable'
    : 'public, max-age=60, stale-while-revalidate=600';
  await send(req, res, file, 200, cache);
}

async function send(req: IncomingMessage, res: ServerResponse, file: string, status: number, cache: string) {
  const info = await stat(file).catch(() => undefined);
  if (!info) {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = { 'content-type': contentTypeFor(file), 'cache-control': cache, etag };
  if (status === 200 && req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(status, { ...headers, 'content-length': info.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // pipeline, not pipe: pipe leaves the file open when a reader goes away mid-file.
  pipeline(createReadStream(file), res, () => {});
}
