// JSON text in pieces, for answers too big to build as one string. A query for
// 500 stories is a few megabytes of JSON: as one string it lands in V8's
// large-object space, which only a full collection frees, so a build fetching
// 10k stories left the lake holding 150+ MB of dead answers. Pieces of at most
// PIECE_CHARS characters are ordinary young objects that die as they are sent.
//
// The text is what JSON.stringify gives for the same value. The outer levels of
// plain objects and arrays are walked (an answer's `result` and its members);
// deeper values, and anything else (strings, numbers, values with toJSON such
// as dates), are stringified whole, which is fast.

/** About 64 KB: well under V8's large-object threshold (128 KB), and few writes. */
export const PIECE_CHARS = 64 * 1024;

/** Levels walked: the answer object, its arrays, and then each member whole. */
const WALKED_LEVELS = 2;

/** JSON.stringify(value) as consecutive strings of about `size` characters (one member may be longer). */
export function* jsonPieces(value: unknown, size = PIECE_CHARS): Generator<string> {
  let buffered = '';
  for (const part of parts(value, WALKED_LEVELS)) {
    buffered += part;
    if (buffered.length >= size) {
      yield buffered;
      buffered = '';
    }
  }
  if (buffered) yield buffered;
}

function* parts(value: unknown, levels: number): Generator<string> {
  if (levels > 0 && Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i) yield ',';
      // JSON.stringify writes null for what it cannot represent in an array.
      yield* isOmitted(value[i]) ? ['null'] : parts(value[i], levels - 1);
    }
    yield ']';
    return;
  }
  if (levels > 0 && isPlainObject(value)) {
    yield '{';
    let first = true;
    for (const [key, child] of Object.entries(value)) {
      if (isOmitted(child)) continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* parts(child, levels - 1);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
