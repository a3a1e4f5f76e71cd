// A short hash of a value's JSON, computed once per object (site settings, a
// listing's person or section). Stories have their digest (storyPrint).
import { createHash } from 'node:crypto';

const cache = new WeakMap<object, string>();

export function fingerprint(value: unknown): string {
  if (value === undefined) return '-';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  let fp = cache.get(value);
  if (!fp) {
    fp = createHash('sha1').update(JSON.stringify(value)).digest('base64url').slice(0, 16);
    cache.set(value, fp);
  }
  return fp;
}
