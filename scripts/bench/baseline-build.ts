// Builds the bare baseline site (bench/baseline): the given story pages written
// by a plain Astro route, with no content layer, no lake and no rendering.
// Usage: node scripts/bench/baseline-build.ts <pages dir> <out dir>
import { fileURLToPath } from 'node:url';
import { build } from 'astro';

const [pages, outDir] = process.argv.slice(2);
if (!pages || !outDir) throw new Error('usage: baseline-build.ts <pages dir> <out dir>');
const root = fileURLToPath(new URL('../../bench/baseline/', import.meta.url));
process.env.BASELINE_PAGES = pages;
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.chdir(root);
await build({ root, outDir, logLevel: 'warn' });
