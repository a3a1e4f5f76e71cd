// bench/RESULTS.md: the figures of the latest run, with when and where.
import { writeFileSync } from 'node:fs';
import { rate, type SiteBenchResult } from './site-bench.ts';

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;

export function writeResults(path: string, machine: string, sites: SiteBenchResult[]): void {
  const rows = sites.map((r) => {
    const ratio = (m: { seconds: number }) => (m.seconds / r.baseline.seconds).toFixed(2);
    return [
      `| ${r.stories.toLocaleString('en')} | ${r.pages.toLocaleString('en')}`,
      `${s(r.cold.seconds)} · ${Math.round(rate(r.pages, r.cold))} pages/s · ${mb(r.cold.peakRssBytes)} · ×${ratio(r.cold)}`,
      `${s(r.warm.seconds)} · ${Math.round(rate(r.pages, r.warm))} pages/s · ${mb(r.warm.peakRssBytes)} · ×${ratio(r.warm)}`,
      `${s(r.baseline.seconds)} · ${mb(r.baseline.peakRssBytes)}`,
      `${s(r.importSeconds)} |`,
    ].join(' | ');
  });
  const text = `# Benchmark results

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.

Machine: ${machine}.

## Site build

Each row: N synthetic stories (\`scripts/generate.ts\`, seed 42) plus the seed
content, imported into a fresh embedded lake, then built end to end with
\`node scripts/build.ts\` (lake start, content loading and validation, body
rendering, pages, image variants). Memory is the peak resident set of the whole
process tree (build and lake together), sampled every 50 ms. The ratio is the
build's wall time over the baseline's, measured in the same run: the same story
pages written by a bare Astro route with no content layer and no lake.

| stories | pages | first build (fresh lake, empty caches) | rebuild (unchanged content, warm caches) | bare Astro baseline | import |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Targets (foundation issue): 10k stories at ≥ 400 pages/s end to end, peak RSS
≤ 1 GB, ratio to the bare baseline ≤ 2.0.
`;
  writeFileSync(path, text);
}
