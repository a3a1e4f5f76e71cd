// A build process for the publisher, started ahead of need: it loads Node
// and Astro, says it is ready, and runs the site build it is then sent with
// that job's environment (see build-runner.ts).
import { buildSite } from '../support/site-build.ts';

// Packages every build imports only once it has started (Astro's config
// helpers and SVG optimiser, and what the content loader and renderer use).
// Loading them here, before the process says it is ready, took a publish at
// 10k stories from its webhook to the content sync in 1.30 s rather than
// 1.69 s (medians of 16 publishes each, 0.3 s of coalescing included). Only
// third-party code, whose loading reads no setting a job may change: the
// site's own modules load with the job's environment. svgo and fontace are
// Astro's own dependencies; if a later install puts them out of reach, the
// build loads them itself as before.
const PRELOADED = [
  'astro/config',
  'svgo',
  'fontace',
  '@sanity/client',
  '@portabletext/toolkit',
  'unified',
  'rehype-sanitize',
  'rehype-stringify',
  'lightningcss',
  'pagefind',
];
await Promise.allSettled(PRELOADED.map((name) => import(name)));

export type BuildJob = { id: number; outDir: string; env: Record<string, string> };
export type BuildReply = { id: number; ok: true } | { id: number; ok: false; message: string; hint?: string };

const initialEnv = { ...process.env };

process.on('message', async (job: BuildJob) => {
  for (const key of Object.keys(process.env)) if (!(key in initialEnv)) delete process.env[key];
  Object.assign(process.env, initialEnv, job.env);
  let reply: BuildReply;
  try {
    await buildSite({ outDir: job.outDir });
    reply = { id: job.id, ok: true };
  } catch (error) {
    const e = error as Error & { hint?: string };
    reply = {
      id: job.id,
      ok: false,
      message: `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}`,
      hint: e.hint,
    };
  }
  process.send?.(reply);
});
process.send?.({ ready: true });
