import { errors } from '../errors/catalog.ts';

/**
 * GROQ parameters from a query string, Sanity's way: `$name=<JSON>` (used by
 * data/query and data/listen). A value that is not JSON is a 400 naming it.
 */
export function readGroqParams(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, raw] of search) {
    if (!key.startsWith('$')) continue;
    try {
      params[key.slice(1)] = JSON.parse(raw);
    } catch {
      throw errors.badRequest(
        'InvalidQueryParam',
        `Unable to parse the value of "${key}" as JSON: ${raw.length > 80 ? `${raw.slice(0, 80)}…` : raw}`,
        'Parameter values are JSON: quote strings ($name="value").',
      );
    }
  }
  return params;
}
