/**
 * Where `npm start` serves the Studio (plain HTTP: localhost is a secure context); overridden by
 * STUDIO_URL or `--studio-url`.
 */
export const DEFAULT_STUDIO_URL = 'http://localhost:3333';

/**
 * A Studio login link. The Studio (loginMethod "token") reads `#token=` from
 * the URL hash, stores it and removes it from the address bar; it ignores
 * tokens shorter than 32 characters (lake tokens are 82).
 */
export function loginLink(studioUrl: string, token: string): string {
  return `${studioUrl.replace(/\/+$/, '')}/#token=${encodeURIComponent(token)}`;
}
