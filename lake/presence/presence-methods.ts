// The presence methods the Studio calls (see studio-shapes.md §12), one
// handler each. Every request gets an answer, which is what keeps the
// Studio's presence client quiet.
import type { Principal } from '../auth/roles.ts';
import { RPC_ERRORS, type RpcError } from './json-rpc.ts';
import type { PresenceConnection, PresenceHub } from './presence-hub.ts';

export type MethodContext = {
  connection: PresenceConnection;
  hub: PresenceHub;
  /** Checks a bearer header; throws for an unknown token. */
  authenticate(header: string): Principal;
};

/** What a handler answers: a result, an error, or an error after which the socket is closed. */
export type MethodOutcome = { result: unknown } | { error: RpcError; close?: boolean };

type Method =
  | 'authorization'
  | 'presence_subscribe'
  | 'presence_unsubscribe'
  | 'presence_rollcall'
  | 'presence_announce'
  | 'presence_disconnect';

type MethodHandler = (params: Record<string, unknown>, context: MethodContext) => MethodOutcome;

const OK: MethodOutcome = { result: null };

/** Methods other than `authorization` need a signed-in socket. */
function signedIn(handler: (params: Record<string, unknown>, context: MethodContext, userId: string) => MethodOutcome) {
  return (params: Record<string, unknown>, context: MethodContext): MethodOutcome => {
    const userId = context.connection.userId;
    return userId ? handler(params, context, userId) : { error: RPC_ERRORS.unauthorized };
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}

export const presenceMethods = {
  authorization(params, context) {
    const header = text(params.authorization) ?? '';
    try {
      const principal = context.authenticate(header);
      if (principal.kind !== 'token') return { error: RPC_ERRORS.unauthorized, close: true };
      context.connection.userId = principal.user.id;
      return OK;
    } catch {
      return { error: RPC_ERRORS.unauthorized, close: true };
    }
  },
  presence_subscribe: signedIn((_params, { hub, connection }) => ({ result: hub.subscribe(connection) })),
  presence_unsubscribe: signedIn((params, { connection }) => {
    const id = text(params.subscriptionId);
    return { result: id ? connection.subscriptions.delete(id) : false };
  }),
  presence_rollcall: signedIn((params, { hub, connection }, userId) => {
    const session = text(params.session);
    if (!session) return { error: RPC_ERRORS.invalidParams };
    hub.broadcast(connection, { type: 'rollCall', i: userId, session });
    return OK;
  }),
  presence_announce: signedIn((params, { hub, connection }, userId) => {
    const data = params.data as { sessionId?: unknown; locations?: unknown } | undefined;
    const sessionId = text(data?.sessionId);
    if (!sessionId || !Array.isArray(data?.locations)) return { error: RPC_ERRORS.invalidParams };
    connection.sessions.add(sessionId);
    hub.broadcast(connection, { type: 'state', i: userId, m: { sessionId, locations: data.locations } });
    return OK;
  }),
  presence_disconnect: signedIn((params, { hub, connection }, userId) => {
    const session = text(params.session);
    if (!session) return { error: RPC_ERRORS.invalidParams };
    connection.sessions.delete(session);
    hub.broadcast(connection, { type: 'disconnect', i: userId, m: { session } });
    return OK;
  }),
} satisfies Record<Method, MethodHandler>;

export function isPresenceMethod(name: string): name is Method {
  return Object.hasOwn(presenceMethods, name);
}
