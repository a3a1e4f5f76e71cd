// Range requests (RFC 9110 §14) on the selected representation: the brotli or
// gzip bytes when those are served, as their own ETag says, so a download
// resumed with If-Range gets the rest of the same bytes. One range at a time:
// a request for several gets the whole file with 200, which §14.2 allows, as
// no browser asks for several to read a page, an image or the search index.

export type ByteRange = { start: number; end: number };

/**
 * The range of a `length`-byte representation that `range` asks for;
 * 'unsatisfiable' for one past its end (a 416), or undefined for none, a
 * unit other than bytes, several ranges or a malformed one (all a 200).
 */
export function requestedRange(range: string | undefined, length: number): ByteRange | 'unsatisfiable' | undefined {
  const match = range?.trim().match(/^bytes[ \t]*=[ \t]*(\d*)-(\d*)[ \t]*$/i);
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '') {
    // A suffix: the last N bytes, or all of a shorter file.
    const suffix = Number(last);
    if (last === '') return undefined;
    if (suffix === 0 || length === 0) return 'unsatisfiable';
    return { start: Math.max(0, length - suffix), end: length - 1 };
  }
  const start = Number(first);
  const end = last === '' ? length - 1 : Math.min(Number(last), length - 1);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= length) return 'unsatisfiable';
  return { start, end };
}
