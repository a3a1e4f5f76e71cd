// Serves a built Studio: its hashed static files, and index.html for every
// other path (the Studio routes in the browser: /structure/story;abc). The
// index page carries the lake's address in a meta tag (studio/api-host.ts), so
// one build serves whichever lake this server was started for.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { API_HOST_META } from '../../studio/api-host.ts';
import { contentTypeFor } from '../edge/content-types.ts';
import { resolvePath } from '../edge/resolve-path.ts';
import { listenHttp } from './listen-http.ts';
import { requestPath } from './request-path.ts';

export type StudioServerOptions = {
  /** A built Studio (studio/dist or a test's build). */
  root: string;
  /** The Sanity-API host the Studio should talk to, e.g. https://localhost:4443. Default: what the build baked in. */
  apiHost?: string;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where the operator set the port, named when it is taken. Default STUDIO_PORT. */
  portSetting?: string;
};

export type StudioServer = {
  /** http://localhost:<port>: `localhost` makes it a secure context, which the Studio's image upload needs. */
  url: string;
  port: number;
  close: () => Promise<void>;
};

export async function startStudioServer(options: StudioServerOptions): Promise<StudioServer> {
  const template = await readFile(join(options.root, 'index.html'), 'utf8').catch(() => {
    throw Object.assign(new Error(`No built Studio in ${options.root} (index.html is missing).`), {
      name: 'StudioNotBuilt',
      hint: 'Build it with `node scripts/studio.ts build`, or run `npm start`, which builds it when needed.',
    });
  });
  const index = withApiHost(template, options.apiHost);
  const server = createServer((req, res) => {
    handle(options.root, index, req, res).catch((error: unknown) => {
      console.error(`studio: ${req.method} ${req.url} failed:`, error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });
  const { url, port, close } = await listenHttp(server, {
    port: options.port,
    host: options.host,
    urlHost: 'localhost',
    service: 'the Studio',
    portVariable: options.portSetting ?? 'STUDIO_PORT',
  });
  return { url, port, close };
}

function withApiHost(html: string, apiHost: string | undefined): string {
  if (!apiHost) return html;
  const escaped = apiHost.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  // First in <head>: the config module reads it when it is evaluated.
  return html.replace(/<head[^>]*>/i, (head) => `${head}<meta name="${API_HOST_META}" content="${escaped}">`);
}

async function handle(root: string, index: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const path = requestPath(req.url);
  if (path === undefined) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('The request target is not a URL path.');
    return;
  }
  const file = path === '/' || path === '/index.html' ? undefined : await resolvePath(root, path);
  if (!file && path.startsWith('/static/')) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  if (!file) {
    // Every Studio route is the same page; the router reads the path in the browser.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : index);
    return;
  }
  const info = await stat(file);
  res.writeHead(200, {
    'content-type': contentTypeFor(file),
    'content-length': info.size,
    // Vite names the files under static/ by their content hash.
    'cache-control': path.startsWith('/static/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}
