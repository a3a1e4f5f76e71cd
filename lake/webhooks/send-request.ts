import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export type SendInput = {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Aborted when the lake closes: the attempt is then not counted. */
  signal: AbortSignal;
};

/** What the receiver did: answered with a status, or failed to (refused, reset, timed out). */
export type SendOutcome = { status: number } | { error: string };

/**
 * One HTTP request with node:http(s): unlike fetch it sends a body with any
 * method (Sanity sends the projection with GET too) and follows no redirects.
 */
export function sendRequest(input: SendInput): Promise<SendOutcome> {
  return new Promise((resolve) => {
    const url = new URL(input.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, { method: input.method, headers: input.headers, signal: input.signal }, (response) => {
      response.resume();
      response.once('end', () => resolve({ status: response.statusCode ?? 0 }));
      response.once('error', (error) => resolve({ error: error.message }));
    });
    request.setTimeout(input.timeoutMs, () => request.destroy(new Error(`no answer within ${input.timeoutMs} ms`)));
    request.once('error', (error) => resolve({ error: error.message }));
    request.end(input.body);
  });
}
