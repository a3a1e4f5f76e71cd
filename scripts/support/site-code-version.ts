// A fingerprint of everything that shapes the site's pages besides content:
// its source (pages, components, styles, lib), the content model, Astro's
// config and the locked dependencies. It is part of every page key, so a code
// change re-renders every page rather than mixing old and new pages.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['site', 'schemas', 'astro.config.mjs', 'package-lock.json'];
const ENVIRONMENT = ['SITE_URL', 'NEWSROOM_IMAGES', 'NEWSROOM_TIME_ZONE'];

export function siteCodeVersion(root: string): string {
  const hash = createHash('sha1');
  for (const source of SOURCES) {
    const path = join(root, source);
    const files = statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, encoding: 'utf8' })
          .map((f) => join(path, f))
          .filter((f) => statSync(f).isFile())
          .sort()
      : [path];
    for (const file of files) hash.update(file.slice(root.length)).update(readFileSync(file));
  }
  for (const name of ENVIRONMENT) hash.update(`${name}=${process.env[name] ?? ''}`);
  return hash.digest('hex').slice(0, 16);
}
