// A build process for the publisher, started ahead of need: it loads Node
// and Astro, says it is ready, and runs the site build it is then sent with
// that job's environment (see build-runner.ts).
import { buildSite } from '../support/site-build.ts';

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
