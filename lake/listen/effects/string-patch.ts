import { type MendozaPatch, op } from './mendoza-opcodes.ts';

/**
 * A string edit as mendoza slices: the common prefix and suffix are copied
 * from the input and only the middle is new. Offsets are UTF-8 bytes. The
 * suffix slice always ends at the input's end, which mendoza's simple decoder
 * resolves correctly even after multi-byte characters. Undefined when the
 * strings share nothing (a whole value is smaller then).
 */
export function stringPatch(before: string, after: string): MendozaPatch | undefined {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  if (prefix === 0 && suffix === 0) return undefined;
  const patch: MendozaPatch = [];
  const total = utf8Length(before);
  if (prefix > 0) patch.push(op.stringAppendSlice, 0, utf8Length(before.slice(0, prefix)));
  const middle = after.slice(prefix, after.length - suffix);
  if (middle !== '') patch.push(op.stringAppendString, middle);
  if (suffix > 0) patch.push(op.stringAppendSlice, total - utf8Length(before.slice(before.length - suffix)), total);
  return patch;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Bytes in UTF-8, counting a lone surrogate as 3 (what mendoza's decoder counts). */
function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
