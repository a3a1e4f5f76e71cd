// npm run bench: the benchmarks, each reported as a ratio to a baseline
// measured in the same run, because these machines are noisy. Results go to
// bench/RESULTS.md.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine } from './bench/machine.ts';
import { benchPublishing, type PublishBenchResult, percentile } from './bench/publish-bench.ts';
import { benchReader, type ReaderBenchResult } from './bench/reader-bench.ts';
import { writeResults } from './bench/results-file.ts';
import { trashIn } from './bench/set-aside.ts';
import { benchFirstBuilds, type FirstBuilds, rate, type SiteBenchResult } from './bench/site-bench.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// --no-publish and --no-lighthouse skip those parts while iterating on one figure.
const { values } = parseArgs({
  allowNegative: true,
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    // 40 samples: the p95 of 20 is their second-slowest, which one noisy second on this machine decides.
    'publish-samples': { type: 'string', default: '40' },
    publish: { type: 'boolean', default: true },
    lighthouse: { type: 'boolean', default: true },
  },
});
const sizes = values.sizes.split(',').map(Number);
const workDir = join(ROOT, 'bench/work');
mkdirSync(workDir, { recursive: true });

const machine = describeMachine();
console.log(`Benchmarking on ${machine}`);
const trash = trashIn(join(workDir, '.trash'));
const firsts: FirstBuilds[] = [];
for (const size of sizes) firsts.push(await benchFirstBuilds(size, workDir, trash, (line) => console.log(`  ${line}`)));
const results: SiteBenchResult[] = [];
for (const first of firsts) {
  const r = await first.rebuild();
  const size = r.stories;
  results.push(r);
  console.log(
    `  ${size} stories: ${r.pages} pages, first build ${r.cold.seconds.toFixed(1)} s (${Math.round(rate(r.pages, r.cold))} pages/s), ` +
      `rebuild ${r.warm.seconds.toFixed(1)} s, baseline ${r.baseline.seconds.toFixed(1)} s, ` +
      `peak ${Math.round(r.cold.peakRssBytes / 2 ** 20)} MB`,
  );
}
const largest = Math.max(...sizes);
let reader: ReaderBenchResult | undefined;
if (values.lighthouse) {
  const site = results.find((r) => r.stories === largest) as SiteBenchResult;
  reader = await benchReader(site.outDir, (line) => console.log(`  ${line}`));
  const s = reader.lighthouse.scores;
  console.log(
    `  Lighthouse: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s['best-practices']}, SEO ${s.seo}; ` +
      `story page ${(reader.seed.brotliBytes / 1024).toFixed(1)} KB brotli, ${(reader.seed.gzipBytes / 1024).toFixed(1)} KB gzip, ${reader.seed.jsBytes} B of JavaScript`,
  );
}
let publishing: PublishBenchResult | undefined;
if (values.publish) {
  const dir = join(workDir, String(largest));
  publishing = await benchPublishing(
    join(dir, 'export'),
    join(ROOT, 'content'),
    join(dir, 'publish'),
    Number(values['publish-samples']),
    (line) => console.log(`  ${line}`),
  );
  console.log(
    `  publish to live: p50 ${percentile(publishing.latencies, 50).toFixed(2)} s, p95 ${percentile(publishing.latencies, 95).toFixed(2)} s; ` +
      `full rebuild ${publishing.fullRebuildSeconds.toFixed(1)} s; burst of 100 → ${publishing.burst.builds} builds`,
  );
}
const path = join(ROOT, 'bench/RESULTS.md');
writeResults(path, machine, results, publishing, reader);
console.log(`Wrote ${path}`);
trash.empty();
