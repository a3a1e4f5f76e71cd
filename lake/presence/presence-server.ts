// The Studio's presence socket, `wss://<host>/v2022-06-30/socket/<dataset>`.
// Chromium opens WebSockets over HTTP/1.1 (the HTTP/2 server does not offer
// RFC 8441), so this hangs off the server's 'upgrade' event, which Node's
// HTTP/2 server with allowHTTP1 also emits.
//
// The framing is the `ws` package's (already in the tree through the Sanity
// CLI): masking, fragmentation, close handshakes, UTF-8 checks and payload
// limits are where a hand-written server goes wrong, and a malformed frame
// must never take the lake down.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Principal } from '../auth/roles.ts';
import { failure, HEARTBEAT, parseRequest, RPC_ERRORS, result } from './json-rpc.ts';
import { createPresenceHub, type PresenceConnection } from './presence-hub.ts';
import { isPresenceMethod, type MethodContext, presenceMethods } from './presence-methods.ts';

const SOCKET_PATH = /^\/v(?:1|X|\d{4}-\d{2}-\d{2})\/socket\/([a-z0-9][a-z0-9_-]{0,63})$/;
/** Presence messages are small (locations of one editor); anything bigger is refused by `ws`. */
const MAX_MESSAGE_BYTES = 256 * 1024;
/** Close code the presence client knows as UNAUTHORIZED. */
const CLOSE_UNAUTHORIZED = 4001;

export type PresenceServerOptions = {
  authenticate(header: string): Principal;
  datasetExists(name: string): boolean;
  logError(message: string, error: unknown): void;
};

export type PresenceServer = {
  /** For the HTTP server's 'upgrade' event. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  connections(): number;
  close(): void;
};

export function createPresenceServer(options: PresenceServerOptions): PresenceServer {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });
  const hub = createPresenceHub();
  return {
    handleUpgrade(request, socket, head) {
      socket.on('error', () => socket.destroy());
      const dataset = SOCKET_PATH.exec(pathOf(request.url))?.[1];
      if (!dataset || !options.datasetExists(dataset)) {
        socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      server.handleUpgrade(request, socket, head, (ws) => serve(ws, dataset));
    },
    connections: () => hub.size(),
    close() {
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };

  function serve(ws: WebSocket, dataset: string) {
    const connection: PresenceConnection = {
      dataset,
      userId: undefined,
      subscriptions: new Set(),
      sessions: new Set(),
      send: (text) => {
        if (ws.readyState === ws.OPEN) ws.send(text);
      },
    };
    const context: MethodContext = { connection, hub, authenticate: options.authenticate };
    hub.add(connection);
    // Without an 'error' listener a bad frame would be an uncaught exception.
    ws.on('error', () => ws.terminate());
    ws.on('close', () => hub.remove(connection));
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      if (text === HEARTBEAT) return;
      const request = parseRequest(text);
      if ('error' in request) {
        connection.send(failure(request.id, request.error));
        return;
      }
      if (!isPresenceMethod(request.method)) {
        connection.send(failure(request.id, RPC_ERRORS.methodNotFound));
        return;
      }
      try {
        const outcome = presenceMethods[request.method](request.params, context);
        if ('result' in outcome) {
          connection.send(result(request.id, outcome.result));
          return;
        }
        connection.send(failure(request.id, outcome.error));
        if (outcome.close) ws.close(CLOSE_UNAUTHORIZED, 'Unauthorized');
      } catch (error) {
        options.logError('lake: presence request failed', error);
        connection.send(failure(request.id, { code: -32603, message: 'Internal error' }));
      }
    });
  }
}

/**
 * The path of an upgrade request, '' for a target that is no URL: `new URL`
 * throws on `//[`, and a throw here, inside the server's 'upgrade' event,
 * took the whole lake down.
 */
function pathOf(target = '/'): string {
  try {
    return new URL(target, 'http://lake.invalid').pathname;
  } catch {
    return '';
  }
}
