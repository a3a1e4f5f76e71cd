// npm run hosting-headers -- <dist>: writes <dist>/_headers, the cache rules of
// the local edge (scripts/edge/cache-policy.ts) in the format Netlify and
// Cloudflare Pages read, so a hosted deploy caches exactly as the edge does.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cacheControlFor } from './edge/cache-policy.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const rules: [string, string][] = [
  ['/_img/*', cacheControlFor('/_img/x.webp', 200)],
  ['/_astro/*', cacheControlFor('/_astro/x.css', 200)],
  ['/pagefind/*', cacheControlFor('/pagefind/x.pf_fragment', 200)],
  ['/pagefind/pagefind-entry.json', cacheControlFor('/pagefind/pagefind-entry.json', 200)],
  ['/*', cacheControlFor('/index.html', 200)],
];
const text = rules.map(([path, value]) => `${path}\n  Cache-Control: ${value}\n`).join('\n');
writeFileSync(join(dist, '_headers'), text);
console.log(`Wrote ${join(dist, '_headers')}`);
