// Lighthouse (the npm package) on a story page served by the local edge, with
// Debian's Chromium and no network: the four category scores and the page's
// key timings, as Lighthouse's default mobile run measures them.
import lighthouse from 'lighthouse';
import { startStaticServer } from '../edge/static-server.ts';
import { launchDebugChromium } from './chromium-debug.ts';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];

export type LighthouseResult = {
  path: string;
  scores: Record<LighthouseCategory, number>;
  metrics: { lcpMs: number; cls: number; tbtMs: number; fcpMs: number };
  /** Audits that scored below 1, for the results file. */
  shortfalls: string[];
};

export async function benchLighthouse(siteDir: string, path: string): Promise<LighthouseResult> {
  const edge = await startStaticServer({ root: () => siteDir });
  const chromium = await launchDebugChromium();
  try {
    const run = await lighthouse(`${edge.url}${path}`, {
      port: chromium.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...LIGHTHOUSE_CATEGORIES],
    });
    const lhr = run?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned no report for ${path}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${lhr.runtimeError.message}`);
    const score = (c: LighthouseCategory) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const shortfalls = LIGHTHOUSE_CATEGORIES.flatMap((c) =>
      (lhr.categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map(
          (ref) =>
            `${c}: ${lhr.audits[ref.id]?.title} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`,
        ),
    );
    return {
      path,
      scores: {
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
      },
      metrics: {
        lcpMs: numeric('largest-contentful-paint'),
        cls: numeric('cumulative-layout-shift'),
        tbtMs: numeric('total-blocking-time'),
        fcpMs: numeric('first-contentful-paint'),
      },
      shortfalls,
    };
  } finally {
    chromium.close();
    await edge.close();
  }
}
