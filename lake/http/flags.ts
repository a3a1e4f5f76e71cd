/** Sanity's boolean query parameters: `true`/`1` are on, `false`/`0`/absent are off. */
export function flag(params: URLSearchParams, name: string, fallback = false): boolean {
  const value = params.get(name);
  if (value === null || value === '') return fallback;
  return value === 'true' || value === '1';
}
