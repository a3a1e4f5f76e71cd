// Stopping the lake without cutting off what editors sent it. Destroying
// every socket at once lost a save the lake had received but not yet
// answered, and the Studio sends what was typed up to a second after the
// keystroke (its autosave is throttled to one commit a second). A save the
// Studio sees fail is kept and retried, except the one that creates the
// draft of a published document: the Studio's document store throws that one
// away with the keystrokes behind it (lake/README.md, "Stopping"). So a
// stopping lake stops taking connections, lets each open one finish what it
// was sent, gives HTTP/2 sessions (the Studio's) a quiet moment for a last
// autosave, and only then closes them.
import type { ServerHttp2Session } from 'node:http2';
import type { Socket } from 'node:net';
import type { AnyRequest, AnyResponse, RequestHandler } from './server.ts';

/** However long requests run, a stop ends within this: `npm start` kills a lake still running 5 s after SIGTERM. */
const MAX_DRAIN_MS = 4_000;
const TICK_MS = 25;

type Activity = { inFlight: number; lastRequestAt: number };

export type ConnectionDrain = {
  /** The request handler, counting each request against its connection. */
  handler: RequestHandler;
  /** Call on the server's 'session' event (HTTP/2). */
  addSession(session: ServerHttp2Session): void;
  /**
   * Resolves once every connection has finished: HTTP/1.1 ones when their
   * requests are answered, HTTP/2 sessions once nothing has been in flight
   * for `quietMs`. Past MAX_DRAIN_MS the rest are destroyed.
   */
  drain(sockets: ReadonlySet<Socket>, quietMs: number): Promise<void>;
};

export function connectionDrain(handler: RequestHandler): ConnectionDrain {
  const activity = new WeakMap<object, Activity>();
  const sessions = new Set<ServerHttp2Session>();
  const busyHttp1 = new Set<Socket>();
  const activityOf = (connection: object): Activity => {
    let found = activity.get(connection);
    if (!found) {
      found = { inFlight: 0, lastRequestAt: Date.now() };
      activity.set(connection, found);
    }
    return found;
  };
  return {
    handler(request: AnyRequest, response: AnyResponse) {
      const session = 'stream' in request ? request.stream.session : undefined;
      const connection = session ?? request.socket;
      const state = activityOf(connection);
      state.inFlight += 1;
      state.lastRequestAt = Date.now();
      if (!session) busyHttp1.add(request.socket);
      response.once('close', () => {
        state.inFlight -= 1;
        state.lastRequestAt = Date.now();
        if (!session && state.inFlight === 0) busyHttp1.delete(request.socket);
      });
      handler(request, response);
    },
    addSession(session) {
      sessions.add(session);
      session.once('close', () => sessions.delete(session));
    },
    drain(sockets, quietMs) {
      const deadline = Date.now() + Math.max(quietMs, MAX_DRAIN_MS);
      return new Promise((resolve) => {
        const tick = () => {
          const now = Date.now();
          const overdue = now >= deadline;
          for (const session of sessions) {
            const state = activity.get(session);
            const quiet = !state || (state.inFlight === 0 && now - state.lastRequestAt >= quietMs);
            if (overdue) session.destroy();
            else if (quiet && !session.closed) session.close();
          }
          if (overdue || (sessions.size === 0 && busyHttp1.size === 0)) {
            // Idle keep-alive connections, TLS handshakes that never finished, upgraded sockets.
            for (const socket of sockets) socket.destroy();
            resolve();
            return;
          }
          setTimeout(tick, TICK_MS);
        };
        tick();
      });
    },
  };
}
