// Runs the real `npm run build` entry point in a child process, against a lake
// data directory and an output directory of the test's choosing, and reads
// the pages it wrote back as hast trees to query with CSS selectors.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { BUILD_NODE_ENV, BUILD_NODE_FLAGS } from '../../scripts/support/build-heap.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type BuildRun = { code: number; output: string; outDir: string };

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** `node scripts/build.ts` as `npm run build` runs it, with SANITY_* taken only from `env` so the machine's own settings never leak in. */
export function runBuild(options: {
  lakeDir: string;
  outDir?: string;
  strict?: boolean;
  env?: Record<string, string>;
}) {
  const outDir = options.outDir ?? tempDir('newsroom-dist-');
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SANITY_|NEWSROOM_)/.test(k)));
  const args = [
    ...BUILD_NODE_FLAGS,
    join(ROOT, 'scripts/build.ts'),
    '--out',
    outDir,
    ...(options.strict ? ['--strict'] : []),
  ];
  return new Promise<BuildRun>((resolve) => {
    execFile(
      process.execPath,
      args,
      {
        cwd: ROOT,
        // A cache of its own: builds in parallel test files must not share Astro's data store.
        env: {
          ...inherited,
          ...BUILD_NODE_ENV,
          LAKE_DIR: options.lakeDir,
          NEWSROOM_CACHE_DIR: tempDir('newsroom-cache-'),
          ...options.env,
        },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}\n${stderr}`, outDir });
      },
    );
  });
}

export function readPage(outDir: string, path: string): Root {
  return fromHtml(readFileSync(join(outDir, path), 'utf8'));
}
