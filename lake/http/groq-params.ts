import { errors } from '../errors/catalog.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.ts';

/**
 * GROQ parameters from a query string, Sanity's way: `$name=<JSON>` (used by
 * data/query and data/listen). A value that is not JSON is a 400 naming it.
 */
export function readGroqParams(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, raw] of search) {
    if (!key.startsWith('$')) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw invalid(`Unable to parse the value of "${key}" as JSON: ${raw.length > 80 ? `${raw.slice(0, 80)}…` : raw}`);
    }
    // As for request bodies (json-depth.ts): a value 5,000 arrays deep parsed, then
    // overflowed the stack when the answer echoing it was serialised, a bare 500.
    if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
      throw invalid(`The value of "${key}" nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`);
    }
    params[key.slice(1)] = value;
  }
  return params;
}

function invalid(description: string) {
  return errors.badRequest(
    'InvalidQueryParam',
    description,
    'Parameter values are JSON: quote strings ($name="value").',
  );
}
