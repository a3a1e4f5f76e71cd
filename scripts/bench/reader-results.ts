// The reader's-site section of bench/RESULTS.md: Lighthouse scores, story
// page weight, and the build at the largest size next to the foundation's.
import type { ReaderBenchResult } from './reader-bench.ts';
import { rate, type SiteBenchResult } from './site-bench.ts';

/**
 * The foundation's figure for 10k stories (10,003 pages: story pages, front
 * and 404 only), from its \`npm run bench\` on this machine on 2026-11-28.
 */
export const FOUNDATION_10K = { pages: 10_003, coldSeconds: 24.6, warmSeconds: 15.6 };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function readerSection(r: ReaderBenchResult, sites: readonly SiteBenchResult[]): string {
  const lh = r.lighthouse;
  const weights = [
    ['seed story', r.seed],
    [`median of ${r.sample.pages} story pages`, r.sample.median],
    [`largest of ${r.sample.pages} story pages`, r.sample.largest],
  ] as const;
  const tenK = sites.find((s) => s.stories === 10_000);
  const buildRows = tenK
    ? `| reader's site (this run) | ${tenK.pages.toLocaleString('en')} | ${tenK.cold.seconds.toFixed(1)} s · ${Math.round(rate(tenK.pages, tenK.cold))} pages/s | ${tenK.warm.seconds.toFixed(1)} s · ${Math.round(rate(tenK.pages, tenK.warm))} pages/s |\n`
    : '';
  const f = FOUNDATION_10K;
  return `
## Reader's site

Lighthouse ${'(npm `lighthouse`, default mobile run)'} on \`${lh.path}\`, served by the
local edge (scripts/edge/static-server.ts) to Debian's Chromium, no network:

| performance | accessibility | best practices | SEO | LCP | CLS | TBT |
| --- | --- | --- | --- | --- | --- | --- |
| ${lh.scores.performance} | ${lh.scores.accessibility} | ${lh.scores['best-practices']} | ${lh.scores.seo} | ${Math.round(lh.metrics.lcpMs)} ms | ${lh.metrics.cls.toFixed(3)} | ${Math.round(lh.metrics.tbtMs)} ms |

${lh.shortfalls.length ? `Below full marks: ${lh.shortfalls.join('; ')}.` : 'Every scored audit passed.'} Target: 100 in each category.

Story page weight: the HTML with its inlined stylesheet, compressed as the
edge serves it, and the JavaScript the page loads (images excluded: they are
lazy and sized to the screen).

| page | HTML + CSS | brotli | gzip | JavaScript |
| --- | --- | --- | --- | --- |
${weights.map(([name, w]) => `| ${name} | ${kb(w.rawBytes)} | ${kb(w.brotliBytes)} | ${kb(w.gzipBytes)} | ${w.jsBytes} B |`).join('\n')}

Target: ≤ 14 KB compressed, 0 bytes of JavaScript.

Build at 10k stories with images, next to the foundation's figure (which
built only story pages, the front page and 404):

| build | pages | first build | rebuild |
| --- | --- | --- | --- |
| foundation (2026-11-28) | ${f.pages.toLocaleString('en')} | ${f.coldSeconds} s · ${Math.round(f.pages / f.coldSeconds)} pages/s | ${f.warmSeconds} s · ${Math.round(f.pages / f.warmSeconds)} pages/s |
${buildRows}`;
}
