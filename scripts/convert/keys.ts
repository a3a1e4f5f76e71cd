// Deterministic keys and ids: the same input always gives byte-identical
// NDJSON, so re-running a migration or the seed changes nothing, and a golden
// file can hold the output.
import { createHash } from 'node:crypto';

/** A 12-hex-digit digest of the parts (the length of the _keys Sanity Studio writes). */
export function shortHash(...parts: readonly (string | number)[]): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 12);
}

/** `_key`s unique within one document: the document id scopes every path. */
export type Keyer = (...path: readonly (string | number)[]) => string;

export function createKeyer(scope: string): Keyer {
  return (...path) => shortHash(scope, ...path);
}
