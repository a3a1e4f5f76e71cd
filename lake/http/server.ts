import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  createSecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
  type ServerHttp2Session,
} from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connectionDrain } from './connection-drain.ts';

export type AnyRequest = IncomingMessage | Http2ServerRequest;
export type AnyResponse = ServerResponse | Http2ServerResponse;
export type RequestHandler = (request: AnyRequest, response: AnyResponse) => void;

export type TransportOptions = {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** PEM key and certificate: serve HTTP/2 over TLS (HTTP/1.1 still accepted). */
  tls?: { key: string | Buffer; cert: string | Buffer } | undefined;
  handler: RequestHandler;
  /** WebSocket upgrades (HTTP/1.1, also on the HTTP/2 server with allowHTTP1); refused when absent. */
  onUpgrade?: ((request: IncomingMessage, socket: Duplex, head: Buffer) => void) | undefined;
  /** Where a failed upgrade is reported (the socket is closed; the server goes on). */
  logError?: ((message: string, error: unknown) => void) | undefined;
  /**
   * An HTTP/2 session with no frames for this long is closed (GOAWAY). Node
   * sets no limit, so a client that connected and went quiet held its socket
   * for good, as HTTP/1.1's keep-alive (5 s advertised, 60 s at most) does
   * not let it. A listener's heartbeats keep its session open.
   */
  idleSessionMs?: number | undefined;
};

export type Transport = {
  port: number;
  protocol: 'http' | 'https';
  /**
   * Stops taking connections and lets the open ones finish (connection-drain.ts):
   * every request received is answered, and an HTTP/2 session is closed once
   * nothing has been in flight on it for `quietMs` (default 0).
   */
  close(options?: { quietMs?: number }): Promise<void>;
};

/** How long past the advertised keep-alive an idle HTTP/1.1 connection stays open. */
const IDLE_CONNECTION_GRACE_MS = 55_000;

/**
 * Plain HTTP/1.1, or HTTP/2 over TLS with HTTP/1.1 fallback (the Studio needs
 * HTTP/2: its long-lived listeners exhaust HTTP/1.1's six connections per
 * host). Both give the compatibility (req, res) API, so one handler serves both.
 */
export async function startTransport(options: TransportOptions): Promise<Transport> {
  const connections = connectionDrain(options.handler);
  const server = options.tls
    ? createSecureServer({ key: options.tls.key, cert: options.tls.cert, allowHTTP1: true }, connections.handler)
    : createHttpServer({ keepAlive: true }, connections.handler as (req: IncomingMessage, res: ServerResponse) => void);
  // Node advertises `Keep-Alive: timeout=5` on HTTP/1.1 and closed an idle
  // connection one second later. A client whose event loop was held up past
  // that (a build rendering, a test parsing queries) then sent its next request
  // on a connection being closed, and lost it to ECONNRESET; @sanity/client
  // retries a GET but not a POST, which long queries are. Closing long after
  // the advertised time leaves it to the client, which knows when it is idle.
  (server as { keepAliveTimeoutBuffer: number }).keepAliveTimeoutBuffer = IDLE_CONNECTION_GRACE_MS;
  server.on('session', (session: ServerHttp2Session) => {
    connections.addSession(session);
    if (options.idleSessionMs) session.setTimeout(options.idleSessionMs, () => session.close());
  });
  const sockets = new Set<Socket>();
  let draining = false;
  server.on('connection', (socket: Socket) => {
    // Stopping: the open connections finish, new ones are turned away (server.close() would also end the open sessions).
    if (draining) return socket.destroy();
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // A client that sends garbage gets a 400 from Node's parser; the server goes on.
  server.on('clientError', (_error: Error, socket: Socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  const onUpgrade = options.onUpgrade;
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!onUpgrade) return socket.destroy();
    // A throw in an 'upgrade' listener is uncaught and ends the process: one bad request must only end its socket.
    try {
      onUpgrade(request, socket, head);
    } catch (error) {
      socket.destroy();
      options.logError?.(`lake: upgrade of ${request.url} failed`, error);
    }
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(cannotListen(options, error));
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    protocol: options.tls ? 'https' : 'http',
    close: async ({ quietMs = 0 } = {}) => {
      draining = true;
      // Open keep-alive connections and HTTP/2 sessions would hold close() forever: drain ends them.
      await connections.drain(sockets, quietMs);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port taken or not allowed is the operator's to fix: named, with what to do, not listen()'s stack. */
function cannotListen(options: TransportOptions, error: NodeJS.ErrnoException): Error {
  const why = { EADDRINUSE: 'is in use', EACCES: 'may not be used by this user' }[error.code ?? ''];
  if (!why) return error;
  return Object.assign(new Error(`Port ${options.port} on ${options.host} ${why}, so the lake cannot listen there.`), {
    name: 'LakePortUnavailable',
    hint: 'Stop what listens there (another lake, or `npm start`?), or start the lake on another port: LAKE_PORT or --port (LAKE_HTTP_PORT for its plain-HTTP port beside TLS); 0 picks a free one.',
  });
}
