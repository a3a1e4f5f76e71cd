// The reader's-site benchmarks on a built site: Lighthouse on the seed story
// page, and the weight of story pages (the seed story, and the median and
// largest of a sample of every hundredth story page).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { benchLighthouse, type LighthouseResult } from './lighthouse-bench.ts';
import { type PageWeight, pageWeight } from './page-weight.ts';

export const SEED_STORY = '/story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';

export type ReaderBenchResult = {
  lighthouse: LighthouseResult;
  seed: PageWeight;
  sample: { pages: number; median: PageWeight; largest: PageWeight };
};

export async function benchReader(siteDir: string, log: (line: string) => void): Promise<ReaderBenchResult> {
  log(`reader's site: Lighthouse on ${SEED_STORY}`);
  const lighthouse = await benchLighthouse(siteDir, SEED_STORY);
  log(`reader's site: story page weight`);
  const stories = readdirSync(join(siteDir, 'story'))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .filter((_, i) => i % 100 === 0)
    .map((f) => pageWeight(siteDir, `/story/${f.slice(0, -'.html'.length)}`))
    .sort((a, b) => a.brotliBytes - b.brotliBytes);
  const median = stories[Math.floor(stories.length / 2)];
  const largest = stories.at(-1);
  if (!median || !largest) throw new Error(`no story pages in ${siteDir}`);
  return { lighthouse, seed: pageWeight(siteDir, SEED_STORY), sample: { pages: stories.length, median, largest } };
}
