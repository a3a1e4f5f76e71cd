// bench/RESULTS.md: the figures of the latest run, with when and where.
import { writeFileSync } from 'node:fs';
import type { Repeated } from './measure.ts';
import { type PublishBenchResult, percentile } from './publish-bench.ts';
import type { ReaderBenchResult } from './reader-bench.ts';
import { readerSection } from './reader-results.ts';
import { FIRST_BUILD_RUNS, rate, type SiteBenchResult } from './site-bench.ts';

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const cpu = (m: { cpuSeconds?: number }) => (m.cpuSeconds === undefined ? '' : ` · ${m.cpuSeconds.toFixed(1)} CPU-s`);
/** The median's seconds, then the range of every run: `21.0 s (20.4–22.5)`. */
const spread = (m: Repeated) => {
  const low = Math.min(...m.allSeconds);
  const high = Math.max(...m.allSeconds);
  return m.allSeconds.length > 1 ? `${s(m.seconds)} (${low.toFixed(1)}–${high.toFixed(1)})` : s(m.seconds);
};

export function writeResults(
  path: string,
  machine: string,
  sites: SiteBenchResult[],
  publishing?: PublishBenchResult,
  reader?: ReaderBenchResult,
): void {
  const rows = sites.map((r) => {
    const ratio = (m: { seconds: number }) => (m.seconds / r.baseline.seconds).toFixed(2);
    return [
      `| ${r.stories.toLocaleString('en')} | ${r.pages.toLocaleString('en')}`,
      `${spread(r.cold)} · ${Math.round(rate(r.pages, r.cold))} pages/s · ${mb(r.cold.peakRssBytes)}${cpu(r.cold)} · ×${ratio(r.cold)}`,
      `${s(r.warm.seconds)} · ${Math.round(rate(r.pages, r.warm))} pages/s · ${mb(r.warm.peakRssBytes)}${cpu(r.warm)} · ×${ratio(r.warm)}`,
      `${spread(r.baseline)} · ${mb(r.baseline.peakRssBytes)}${cpu(r.baseline)}`,
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
pages written by a bare Astro route with no content layer and no lake. CPU-s
is the user and system time of the whole process tree: with two cores, a
build can take no less wall time than half its CPU-seconds, so it says how
much of a ratio is work rather than waiting.

Each first build and baseline runs ${FIRST_BUILD_RUNS} times, alternating, each first
build on the same lake with empty caches: the table gives the median run
(its CPU-s), the range of all runs in brackets, and the highest peak memory
of any run. The ratio is median over median.

Every first build and baseline runs before any rebuild, and nothing is deleted
while they run (old work is set aside and deleted at the end): on this disk,
files created soon after many were deleted cost about twice the kernel time
(scripts/bench/set-aside.ts), and a figure would depend on what ran before it.

| stories | pages | first build (fresh lake, empty caches) | rebuild (unchanged content, warm caches) | bare Astro baseline | import |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Targets (foundation issue): 10k stories at ≥ 400 pages/s end to end, peak RSS
≤ 1 GB, ratio to the bare baseline ≤ 2.0.
${reader ? readerSection(reader, sites) : ''}${publishing ? publishingSection(publishing) : ''}`;
  writeFileSync(path, text);
}

function publishingSection(p: PublishBenchResult): string {
  const p50 = percentile(p.latencies, 50);
  const p95 = percentile(p.latencies, 95);
  return `
## Publish to live

On the largest site above: the publisher (webhook → coalescing → incremental
build → deploy) and the local edge, with the lake running. Latency is measured
from sending the signed webhook for one edited story to the edge serving the
new headline, ${p.latencies.length} samples in a row. The baseline is a full
rebuild and deploy of the same site in the same run.

| p50 | p95 | max | full rebuild + deploy | p95 / full rebuild |
| --- | --- | --- | --- | --- |
| ${s(p50)} | ${s(p95)} | ${s(Math.max(...p.latencies))} | ${s(p.fullRebuildSeconds)} | ${(p95 / p.fullRebuildSeconds).toFixed(2)} |

Burst: ${p.burst.publishes} publishes of different stories, sent one every 100 ms (the last accepted after ${s(p.burst.sentSeconds)}; the publisher idle after ${s(p.burst.seconds)}),
led to **${p.burst.builds} builds**; all ${p.burst.publishes} edits live at the end: **${p.burst.allLive ? 'yes' : 'no'}**.

Rollback (\`npm run rollback\`'s switch) on the same release store: the pointer switched in
**${p.rollback.switchMs.toFixed(1)} ms**; the edge served the earlier release's page ${p.rollback.servedMs.toFixed(1)} ms after the
rollback began (target: under 1 s).

Targets (publishing issue): p95 ≤ 5 s; 100 publishes within 10 s → at most 3 builds, all in the final output.
`;
}
