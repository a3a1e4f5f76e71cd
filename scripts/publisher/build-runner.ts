// Runs site builds in build-worker.ts processes. Each build gets a fresh
// process (no heap left over from the last build to collect or leak), and the
// next one is started as soon as a build ends, so starting Node and loading
// Astro (about a second here) happens while nobody waits and without taking a
// core from a running build. A crash in one build cannot touch the next.

import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SkippedDocument } from '../../site/lib/content/document-problems.ts';
import type { BuildJob, BuildReply } from './build-worker.ts';

const WORKER = fileURLToPath(new URL('./build-worker.ts', import.meta.url));

export type BuildRunner = {
  build(outDir: string, env: Record<string, string | undefined>, onOutput?: (chunk: string) => void): Promise<void>;
  close(): Promise<void>;
};

export class BuildFailed extends Error {
  override readonly name = 'BuildFailed';
  readonly hint: string;
  readonly output: string;
  /** The documents the build left out as invalid before it failed (publish-once.ts fills them in). */
  skipped: SkippedDocument[] = [];
  constructor(message: string, output: string, hint?: string) {
    super(`The build failed: ${message}`);
    this.output = output;
    this.hint = hint ?? 'The live site was not changed. Fix the content or code named above and publish again.';
  }
}

type Worker = { child: ChildProcess; ready: Promise<void> };

function spawnWorker(): Worker {
  // Without the build's heap flags (scripts/support/build-heap.ts): they
  // keep a first build of 10k stories under 1 GB, but a publish renders a
  // handful of pages and is measured in seconds, and with them its latency
  // rose by about 0.3 s (paired runs at 10k: 4.44 and 4.74 s median against
  // 4.39 and 4.18 s without).
  const child = fork(WORKER, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the build worker exited before it was ready (${code})`)));
  });
  ready.catch(() => undefined);
  return { child, ready };
}

function stop(worker: Worker | undefined): Promise<void> {
  const child = worker?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function buildRunner(): BuildRunner {
  let spare: Worker | undefined;
  let nextId = 1;
  // A spare that died while idle (killed, out of memory) is replaced once; a
  // worker that cannot start at all fails the build with the reason.
  const take = async (): Promise<Worker> => {
    const idle = spare;
    spare = undefined;
    const usable = (w: Worker) => w.child.exitCode === null && w.child.signalCode === null && w.child.connected;
    const first = idle && usable(idle) ? idle : spawnWorker();
    try {
      await first.ready;
      if (usable(first)) return first;
    } catch {
      // It died before it was ready: one fresh try below.
    }
    const second = spawnWorker();
    try {
      await second.ready;
      return second;
    } catch (error) {
      throw new BuildFailed(`the build process could not start: ${(error as Error).message}`, '');
    }
  };

  return {
    build: async (outDir, env, onOutput) => {
      const worker = await take();
      const { child } = worker;
      const job: BuildJob = {
        id: nextId++,
        outDir,
        env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
      };
      let output = '';
      const collect = (chunk: Buffer) => {
        const text = chunk.toString();
        output = (output + text).slice(-8000);
        onOutput?.(text);
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      try {
        const reply = await new Promise<BuildReply>((resolve, reject) => {
          child.on('message', (message: BuildReply) => {
            if (message.id === job.id) resolve(message);
          });
          child.once('exit', (code, signal) =>
            reject(new BuildFailed(`the build process died (${signal ?? `exit ${code}`})`, output)),
          );
          // A channel that closed under us is a failed build, not an uncaught error in the publisher.
          child.once('error', (error) => reject(new BuildFailed(`the build process failed: ${error.message}`, output)));
          child.send(job, (error) => {
            if (error) reject(new BuildFailed(`the build could not be sent to its process: ${error.message}`, output));
          });
        });
        if (!reply.ok) throw new BuildFailed(reply.message, output, reply.hint);
      } finally {
        await stop(worker);
        spare ??= spawnWorker();
      }
    },
    close: async () => {
      const last = spare;
      spare = undefined;
      await stop(last);
    },
  };
}
