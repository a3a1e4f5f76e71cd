import type { IncomingHttpHeaders } from 'node:http';

/**
 * CORS as the Studio needs it: every request carries credentials and custom
 * headers (so it is preflighted); the origin is echoed and credentials are
 * allowed. The lake binds to loopback by default; put an allow-list in front
 * of it before exposing it.
 */
export function corsHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const origin = headers.origin;
  if (typeof origin !== 'string' || origin === '') return {};
  return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
}

export function preflightHeaders(headers: IncomingHttpHeaders, methods: string[]): Record<string, string> {
  const requested = headers['access-control-request-headers'];
  return {
    ...corsHeaders(headers),
    'access-control-allow-methods': [...new Set([...methods, 'OPTIONS'])].join(', '),
    'access-control-allow-headers':
      typeof requested === 'string' && requested ? requested : 'authorization, content-type',
    'access-control-max-age': '600',
  };
}
