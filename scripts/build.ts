// npm run build [-- --strict] [--out dir]: the static site into dist/,
// needing nothing running beforehand.
import { parseArgs } from 'node:util';
import { buildSite } from './support/site-build.ts';

const { values } = parseArgs({
  options: { strict: { type: 'boolean', default: false }, out: { type: 'string' } },
});

try {
  const { outDir, ms } = await buildSite({ strict: values.strict, outDir: values.out });
  console.log(`Built the site into ${outDir} in ${(ms / 1000).toFixed(1)} s.`);
} catch (error) {
  const e = error as Error & { hint?: string };
  console.error(`\nBuild failed: ${e.name === 'Error' ? '' : `${e.name}: `}${e.message}`);
  if (e.hint) console.error(`What to do: ${e.hint}`);
  process.exitCode = 1;
}
