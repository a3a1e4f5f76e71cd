// The foundation benchmark: N synthetic stories into a fresh lake, built end
// to end by `npm run build`, against a bare Astro build of the same pages.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_NODE_ENV, BUILD_NODE_FLAGS } from '../support/build-heap.ts';
import { type Measurement, measure, medianOf, type Repeated } from './measure.ts';
import type { Trash } from './set-aside.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const script = (name: string) => join(ROOT, 'scripts', name);

/** Each first build and baseline runs this many times; the median is reported. */
export const FIRST_BUILD_RUNS = 3;

export type SiteBenchResult = {
  stories: number;
  pages: number;
  /** The site the last first build wrote, and the rebuild replaced. */
  outDir: string;
  importSeconds: number;
  cold: Repeated;
  warm: Measurement;
  baseline: Repeated;
};

/** Pages per second of a build that wrote `pages` pages. */
export const rate = (pages: number, m: Measurement) => pages / m.seconds;

/** A size's first build and baseline, and the rebuild still to run. */
export type FirstBuilds = Omit<SiteBenchResult, 'warm'> & { rebuild(): Promise<SiteBenchResult> };

/**
 * Generates, imports, builds and builds the baseline for one size. The rebuild
 * is left to the caller: it deletes the first build's site when it replaces
 * it, so every size's first build and baseline run before any rebuild (see
 * set-aside.ts).
 */
export async function benchFirstBuilds(
  stories: number,
  workDir: string,
  trash: Trash,
  log: (line: string) => void,
): Promise<FirstBuilds> {
  const dir = join(workDir, `${stories}`);
  trash.setAside(dir);
  mkdirSync(dir, { recursive: true });
  const node = process.execPath;

  log(`${stories} stories: generating`);
  await measure(node, [script('generate.ts'), '--stories', String(stories), '--out', join(dir, 'export')]);
  log(`${stories} stories: importing into a fresh lake`);
  const lake = join(dir, 'lake');
  const imported = await measure(node, [script('import.ts'), join(dir, 'export'), '--data-dir', lake]);
  // The seed supplies the site settings (and its own story); ids the generator already used are kept.
  await measure(node, [script('import.ts'), join(ROOT, 'content'), '--data-dir', lake, '--missing']);

  // One build differs from the next by a second or so on these machines, so
  // each first build and baseline runs FIRST_BUILD_RUNS times, alternating,
  // each first build with empty caches and a site directory of its own (none
  // is deleted: see set-aside.ts). The rebuild reuses the last one's.
  const firstBuild = (run: number) => {
    const out = join(dir, `dist-${run}`);
    return {
      out,
      env: { ...BUILD_NODE_ENV, LAKE_DIR: lake, NEWSROOM_CACHE_DIR: join(dir, `cache-${run}`), SANITY_API_HOST: '' },
      // As `npm run build` runs it.
      args: [...BUILD_NODE_FLAGS, script('build.ts'), '--out', out],
    };
  };
  const colds: Measurement[] = [];
  const baselines: Measurement[] = [];
  const pageCounts: number[] = [];
  for (let run = 1; run <= FIRST_BUILD_RUNS; run++) {
    const { out, env, args } = firstBuild(run);
    log(`${stories} stories: first build ${run} of ${FIRST_BUILD_RUNS} (fresh lake, empty caches)`);
    colds.push(await measure(node, args, env));
    pageCounts.push(countHtml(out));

    log(`${stories} stories: bare Astro baseline ${run} of ${FIRST_BUILD_RUNS} of the same story pages`);
    const storyPages = join(dir, `baseline-pages-${run}`);
    const baselineOut = join(dir, `baseline-dist-${run}`);
    cpSync(join(out, 'story'), storyPages, { recursive: true });
    // With the build's allocator setting too, so that the ratio does not credit
    // the build with a gain bare Astro would get from it as well.
    baselines.push(await measure(node, [script('bench/baseline-build.ts'), storyPages, baselineOut], BUILD_NODE_ENV));
    if (!existsSync(join(baselineOut, 'story'))) throw new Error('the baseline build wrote no story pages');
  }
  const pages = pageCounts[0] as number;
  if (pageCounts.some((n) => n !== pages)) throw new Error(`the first builds wrote ${pageCounts.join(', ')} pages`);
  const last = firstBuild(FIRST_BUILD_RUNS);
  const cold = medianOf(colds);
  const baseline = medianOf(baselines);

  const first = { stories, pages, outDir: last.out, importSeconds: imported.seconds, cold, baseline };
  return {
    ...first,
    rebuild: async () => {
      log(`${stories} stories: rebuild (nothing changed, warm caches)`);
      const warm = await measure(node, last.args, last.env);
      const rebuilt = countHtml(last.out);
      if (rebuilt !== pages) throw new Error(`the rebuild wrote ${rebuilt} pages, the first build ${pages}`);
      trash.setAside(lake);
      return { ...first, warm };
    },
  };
}

function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}
