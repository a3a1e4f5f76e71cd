import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A random base62 string. Sanity's generated document and transaction ids are
 * 22 base62 characters (about 131 bits), so collisions are not a concern.
 */
export function randomId(length = 22): string {
  // 62 * 4 = 248: rejecting bytes >= 248 keeps every character equally likely.
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

/** Array item keys: Sanity Studio uses 12 lowercase hex-like characters. */
export function randomKey(): string {
  return randomBytes(6).toString('hex');
}
