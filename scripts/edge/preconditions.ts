// Conditional GET and HEAD (RFC 9110 §13) against the one validator the edge
// has, the selected representation's strong ETag. There is no Last-Modified:
// a file's bytes name it, not a date (a release re-deploys unchanged files),
// so If-Modified-Since and If-Unmodified-Since are ignored as §13.1.3 and
// §13.1.4 say they must be without one, and If-None-Match alone decides.
import type { IncomingHttpHeaders } from 'node:http';

export type Precondition = 'proceed' | 'not-modified' | 'failed';

/**
 * The outcome of the request's preconditions, in §13.2.2's order, for a
 * response that would otherwise be 200 (others ignore them, §13.2.1).
 */
export function evaluatePreconditions(headers: IncomingHttpHeaders, etag: string): Precondition {
  const ifMatch = headers['if-match'];
  // Strong comparison: a weak tag never matches, and a tag of another encoding is another representation.
  if (ifMatch !== undefined && !listMatches(ifMatch, (tag) => tag === etag)) return 'failed';
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined && listMatches(ifNoneMatch, (tag) => tag.replace(/^W\//, '') === etag)) {
    return 'not-modified';
  }
  return 'proceed';
}

/** Whether a strong If-Range validator names the representation (§13.1.5); a date never does here. */
export function ifRangeHolds(headers: IncomingHttpHeaders, etag: string): boolean {
  const ifRange = headers['if-range'];
  return ifRange === undefined || (typeof ifRange === 'string' && ifRange.trim() === etag);
}

/** `*` or a list of entity tags (which may hold commas inside their quotes), any of which `matches`. */
function listMatches(field: string, matches: (tag: string) => boolean): boolean {
  if (field.trim() === '*') return true;
  return [...field.matchAll(/(?:W\/)?"[^"]*"/g)].some(([tag]) => matches(tag));
}
