// The few DER (ASN.1) encodings an X.509 certificate needs. Node's crypto
// signs and parses certificates but cannot build one, and a dependency (or an
// `openssl` binary, absent on some machines) for ~80 lines is not worth it.

/** A DER element: tag byte, length, contents. */
export function element(tag: number, contents: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(contents.length), contents]);
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const sequence = (...items: Buffer[]) => element(0x30, Buffer.concat(items));
export const set = (...items: Buffer[]) => element(0x31, Buffer.concat(items));
export const octetString = (bytes: Buffer) => element(0x04, bytes);
export const utf8String = (text: string) => element(0x0c, Buffer.from(text, 'utf8'));
export const boolean = (value: boolean) => element(0x01, Buffer.from([value ? 0xff : 0x00]));
/** `[n]` EXPLICIT: wraps a whole element. */
export const explicit = (n: number, inner: Buffer) => element(0xa0 | n, inner);
/** `[n]` IMPLICIT primitive: replaces the tag of a primitive value (IA5String, OCTET STRING). */
export const implicitPrimitive = (n: number, contents: Buffer) => element(0x80 | n, contents);
/** `[n]` IMPLICIT constructed: replaces the tag of a SEQUENCE. */
export const implicitConstructed = (n: number, ...items: Buffer[]) => element(0xa0 | n, Buffer.concat(items));

/** A non-negative INTEGER from big-endian bytes (a leading 0x00 keeps it positive). */
export function unsignedInteger(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  return element(0x02, (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

export const smallInteger = (value: number) => unsignedInteger(Buffer.from([value]));

export function objectId(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let value = arc >>> 7; value > 0; value >>>= 7) chunk.unshift((value & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return element(0x06, Buffer.from(bytes));
}

/** A BIT STRING of whole bytes (signatures, keys). */
export const bitString = (bytes: Buffer) => element(0x03, Buffer.concat([Buffer.from([0]), bytes]));

/** A named-bit BIT STRING (key usage): bit 0 is the most significant bit of the first byte. */
export function namedBits(bits: number[]): Buffer {
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
  const unused = 7 - (highest & 7);
  return element(0x03, Buffer.concat([Buffer.from([unused]), bytes]));
}

/** UTCTime before 2050, GeneralizedTime from then on (RFC 5280 §4.1.2.5). */
export function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return date.getUTCFullYear() < 2050
    ? element(0x17, Buffer.from(`${iso.slice(2)}Z`, 'ascii'))
    : element(0x18, Buffer.from(`${iso}Z`, 'ascii'));
}
