import { randomKey } from '../ids/random-id.ts';

/**
 * `autoGenerateArrayKeys=true`: objects in arrays get a random `_key` when
 * they lack one (the Studio and real-time patches address items by key).
 * Returns a copy; the input is not changed.
 */
export function withArrayKeys<T>(value: T): T {
  return addKeys(value, false) as T;
}

function addKeys(value: unknown, inArray: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => addKeys(item, true));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  if (inArray && !('_key' in value)) copy._key = randomKey();
  for (const [key, item] of Object.entries(value)) copy[key] = addKeys(item, false);
  return copy;
}
