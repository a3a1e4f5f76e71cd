// npm run hosting-headers -- <dist> --target netlify|cloudflare: writes
// <dist>/_headers, the cache rules of the local edge (scripts/edge/cache-policy.ts)
// in the format those hosts read, so a hosted deploy caches as the edge does.
// Both apply every matching rule. Netlify then keeps the most specific rule's
// value of a header; Cloudflare joins them with commas unless the specific rule
// first detaches the inherited one with "! Cache-Control", which Netlify rejects.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheControlFor, IMMUTABLE_PATHS } from './edge/cache-policy.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { target: { type: 'string', default: 'netlify' } },
});
if (values.target !== 'netlify' && values.target !== 'cloudflare') {
  console.error(`--target must be netlify or cloudflare, not ${values.target}`);
  process.exit(2);
}
const dist = resolve(positionals[0] ?? 'dist');
const rules: [string, string][] = [
  ['/*', cacheControlFor('/index.html', 200)],
  ...IMMUTABLE_PATHS.map((pattern): [string, string] => [
    `${pattern}*`,
    cacheControlFor(`${pattern.replace(/:[a-z]+/g, '0')}x`, 200),
  ]),
];
const detach = values.target === 'cloudflare';
const text = rules
  .map(([path, value], i) => `${path}\n${detach && i > 0 ? '  ! Cache-Control\n' : ''}  Cache-Control: ${value}\n`)
  .join('\n');
writeFileSync(join(dist, '_headers'), text);
console.log(`Wrote ${join(dist, '_headers')} for ${values.target}`);
