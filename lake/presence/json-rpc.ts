// JSON-RPC 2.0 as the Studio's presence client (@sanity/bifur-client) speaks
// it: text frames, requests with an `id`, notifications without, and "♥"
// frames as heartbeats.

export const HEARTBEAT = '\u2665';

export type RpcRequest = { id: string | number | null; method: string; params: Record<string, unknown> };

export const RPC_ERRORS = {
  parse: { code: -32700, message: 'Parse error: send JSON-RPC 2.0 text frames' },
  invalidRequest: { code: -32600, message: 'Invalid request: expected {"jsonrpc":"2.0","method":...,"id":...}' },
  methodNotFound: { code: -32601, message: 'Method not found' },
  invalidParams: { code: -32602, message: 'Invalid params' },
  unauthorized: { code: 4001, message: 'Unauthorized: send the "authorization" request with a valid token first' },
} as const;

export type RpcError = { code: number; message: string };

/** A request from one text frame, or the error to answer it with. */
export function parseRequest(text: string): RpcRequest | { error: RpcError; id: RpcRequest['id'] } {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { error: RPC_ERRORS.parse, id: null };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { error: RPC_ERRORS.invalidRequest, id: null };
  }
  const { jsonrpc, method, params, id } = message as Record<string, unknown>;
  const validId = typeof id === 'string' || typeof id === 'number' || id === undefined || id === null;
  if (jsonrpc !== '2.0' || typeof method !== 'string' || !validId) {
    return { error: RPC_ERRORS.invalidRequest, id: validId ? ((id ?? null) as RpcRequest['id']) : null };
  }
  const paramsObject = typeof params === 'object' && params !== null && !Array.isArray(params) ? params : {};
  return { id: (id ?? null) as RpcRequest['id'], method, params: paramsObject as Record<string, unknown> };
}

export const result = (id: RpcRequest['id'], value: unknown) => JSON.stringify({ jsonrpc: '2.0', id, result: value });

export const failure = (id: RpcRequest['id'], error: RpcError) => JSON.stringify({ jsonrpc: '2.0', id, error });

export const notification = (method: string, params: unknown) => JSON.stringify({ jsonrpc: '2.0', method, params });
