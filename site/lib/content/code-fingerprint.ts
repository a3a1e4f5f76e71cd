// A fingerprint of source files (folders are read whole) and environment
// variables, for caches whose entries depend on code as well as content: the
// rendered bodies, the search index.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `paths` are relative to `base` (a module's import.meta.url); those ending in / are folders. */
export function codeFingerprint(base: string, paths: readonly string[], env: readonly string[]): string {
  const hash = createHash('sha1');
  for (const relative of paths) {
    const path = fileURLToPath(new URL(relative, base));
    const files = relative.endsWith('/')
      ? readdirSync(path, { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('.ts'))
          .sort()
          .map((f) => `${path}${f}`)
      : [path];
    for (const file of files) hash.update(file).update(readFileSync(file));
  }
  for (const name of env) hash.update(`${name}=${process.env[name] ?? ''}`);
  return hash.digest('hex').slice(0, 12);
}
