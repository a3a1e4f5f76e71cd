// npm run bench: the benchmarks, each reported as a ratio to a baseline
// measured in the same run, because these machines are noisy. Results go to
// bench/RESULTS.md.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine } from './bench/machine.ts';
import { writeResults } from './bench/results-file.ts';
import { benchSite, rate, type SiteBenchResult } from './bench/site-bench.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' } } });
const sizes = values.sizes.split(',').map(Number);
const workDir = join(ROOT, 'bench/work');
mkdirSync(workDir, { recursive: true });

const machine = describeMachine();
console.log(`Benchmarking on ${machine}`);
const results: SiteBenchResult[] = [];
for (const size of sizes) {
  const r = await benchSite(size, workDir, (line) => console.log(`  ${line}`));
  results.push(r);
  console.log(
    `  ${size} stories: ${r.pages} pages, first build ${r.cold.seconds.toFixed(1)} s (${Math.round(rate(r.pages, r.cold))} pages/s), ` +
      `rebuild ${r.warm.seconds.toFixed(1)} s, baseline ${r.baseline.seconds.toFixed(1)} s, ` +
      `peak ${Math.round(r.cold.peakRssBytes / 2 ** 20)} MB`,
  );
}
const path = join(ROOT, 'bench/RESULTS.md');
writeResults(path, machine, results);
console.log(`Wrote ${path}`);
