// The redirects as a CloudFront KeyValueStore holds them (former address →
// current one), in the import file format AWS documents, checked against its
// limits so a deploy does not fail halfway through loading them.
import { byteLength, KVS_FILE_MAX_BYTES, KVS_KEY_MAX_BYTES, KVS_VALUE_MAX_BYTES } from './limits.ts';

export type KvsEntry = { key: string; value: string };

/** `{"data":[{"key","value"}…]}`; throws, naming the address, for what the store would refuse. */
export function kvsImportFile(redirects: ReadonlyMap<string, string>): string {
  const data: KvsEntry[] = [];
  for (const [key, value] of redirects) {
    if (byteLength(key) > KVS_KEY_MAX_BYTES) {
      throw new Error(
        `The former address ${key} is ${byteLength(key)} bytes, over a KeyValueStore key's ${KVS_KEY_MAX_BYTES}`,
      );
    }
    if (byteLength(value) > KVS_VALUE_MAX_BYTES) {
      throw new Error(
        `The address ${value} (redirected to from ${key}) is over a KeyValueStore value's ${KVS_VALUE_MAX_BYTES} bytes`,
      );
    }
    data.push({ key, value });
  }
  const file = `${JSON.stringify({ data }, null, 1)}\n`;
  if (byteLength(file) > KVS_FILE_MAX_BYTES) {
    throw new Error(
      `${data.length} redirects make a KeyValueStore file of ${byteLength(file)} bytes, over CloudFront's ${KVS_FILE_MAX_BYTES}`,
    );
  }
  return file;
}
