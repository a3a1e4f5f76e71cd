// One error type for everything the lake answers with a non-2xx status (the
// shape of Hono's HTTPException): routes and the store throw it, and a single
// serialiser (`toErrorBody`) turns it into Sanity's JSON bodies.

/** How the body is laid out. Sanity uses two families of error bodies. */
export type ErrorBodyStyle =
  /** Content Lake style: `{error: {type, description, ...details}}`. */
  | 'lake'
  /** API-gateway (Boom) style: `{statusCode, error: 'Unauthorized', message}`. */
  | 'gateway';

export type LakeErrorInit = {
  status: number;
  /** Stable catalog name, e.g. `QueryParseError`; tests and logs key on it. */
  name: string;
  /** Sanity's `error.type`, e.g. `queryParseError`, `mutationError`. */
  type: string;
  /** What happened, naming the request, document or field at fault. */
  description: string;
  /** What to do about it. Logged and sent as `error.hint`. */
  hint?: string;
  /** Extra members of Sanity's error object (`items`, `start`, `end`, `query`...). */
  details?: Record<string, unknown>;
  style?: ErrorBodyStyle;
  /** Extra response headers (e.g. `allow` on 405). */
  headers?: Record<string, string>;
};

export class LakeError extends Error {
  readonly status: number;
  readonly type: string;
  readonly description: string;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown>;
  readonly style: ErrorBodyStyle;
  readonly headers: Record<string, string>;

  constructor(init: LakeErrorInit) {
    super(init.description);
    this.name = init.name;
    this.status = init.status;
    this.type = init.type;
    this.description = init.description;
    this.hint = init.hint;
    this.details = init.details ?? {};
    this.style = init.style ?? 'lake';
    this.headers = init.headers ?? {};
  }
}

export function isLakeError(error: unknown): error is LakeError {
  return error instanceof LakeError;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};

/** The JSON body Sanity would send for this error. */
export function toErrorBody(error: LakeError): Record<string, unknown> {
  if (error.style === 'gateway') {
    return {
      statusCode: error.status,
      error: STATUS_TEXT[error.status] ?? 'Error',
      message: error.description,
      ...error.details,
    };
  }
  const body: Record<string, unknown> = { type: error.type, description: error.description, ...error.details };
  if (error.hint) body.hint = error.hint;
  return { error: body };
}
