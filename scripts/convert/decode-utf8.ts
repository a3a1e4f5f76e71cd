// Source files must be UTF-8. Decoding leniently would turn a Latin-1 "é" into
// U+FFFD without a word, and the import would refuse the story later, far from
// the file; so invalid bytes fail the file here, naming the first bad line.
import { convertError } from './errors.ts';

const strict = new TextDecoder('utf-8', { fatal: true });
const NEWLINE = 0x0a;

/** The text of a UTF-8 file (a leading byte order mark removed), or an InvalidUtf8 error. */
export function decodeUtf8(bytes: Uint8Array, file?: string): string {
  try {
    return strict.decode(bytes);
  } catch {
    throw convertError('InvalidUtf8', [], { file, line: firstInvalidLine(bytes) });
  }
}

/** 0x0A never occurs inside a multi-byte UTF-8 sequence, so each line can be checked alone. */
function firstInvalidLine(bytes: Uint8Array): number | undefined {
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(NEWLINE, start);
    const stop = end < 0 ? bytes.length : end;
    try {
      strict.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    start = stop + 1;
  }
  return undefined;
}
