// A fingerprint of the code that turns a story into stored HTML. It is part of
// each story's digest, so changing the renderer re-renders every body instead
// of reusing HTML made by the old code.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RENDER_CODE = ['../portable-text/', '../images/', './story-entry.ts'];

let cached: string | undefined;

export function rendererVersion(): string {
  if (cached) return cached;
  const hash = createHash('sha1');
  for (const relative of RENDER_CODE) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    const files = relative.endsWith('/')
      ? readdirSync(path, { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('.ts'))
          .sort()
          .map((f) => `${path}${f}`)
      : [path];
    for (const file of files) hash.update(file).update(readFileSync(file));
  }
  for (const name of ['SITE_URL', 'NEWSROOM_IMAGES']) hash.update(`${name}=${process.env[name] ?? ''}`);
  cached = hash.digest('hex').slice(0, 12);
  return cached;
}
