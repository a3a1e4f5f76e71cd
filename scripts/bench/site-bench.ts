// The foundation benchmark: N synthetic stories into a fresh lake, built end
// to end by `npm run build`, against a bare Astro build of the same pages.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_NODE_FLAGS } from '../support/build-heap.ts';
import { type Measurement, measure } from './measure.ts';
import type { Trash } from './set-aside.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const script = (name: string) => join(ROOT, 'scripts', name);

export type SiteBenchResult = {
  stories: number;
  pages: number;
  importSeconds: number;
  cold: Measurement;
  warm: Measurement;
  baseline: Measurement;
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

  const env = { LAKE_DIR: lake, NEWSROOM_CACHE_DIR: join(dir, 'cache'), SANITY_API_HOST: '' };
  const out = join(dir, 'dist');
  log(`${stories} stories: first build (fresh lake, empty caches)`);
  // As `npm run build` runs it.
  const build = [...BUILD_NODE_FLAGS, script('build.ts'), '--out', out];
  const cold = await measure(node, build, env);
  const pages = countHtml(out);

  log(`${stories} stories: bare Astro baseline of the same story pages`);
  const storyPages = join(dir, 'baseline-pages');
  cpSync(join(out, 'story'), storyPages, { recursive: true });
  const baseline = await measure(node, [script('bench/baseline-build.ts'), storyPages, join(dir, 'baseline-dist')]);
  if (!existsSync(join(dir, 'baseline-dist', 'story'))) throw new Error('the baseline build wrote no story pages');

  const first = { stories, pages, importSeconds: imported.seconds, cold, baseline };
  return {
    ...first,
    rebuild: async () => {
      log(`${stories} stories: rebuild (nothing changed, warm caches)`);
      const warm = await measure(node, build, env);
      const rebuilt = countHtml(out);
      if (rebuilt !== pages) throw new Error(`the rebuild wrote ${rebuilt} pages, the first build ${pages}`);
      trash.setAside(lake);
      return { ...first, warm };
    },
  };
}

function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}
