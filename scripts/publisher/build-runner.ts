// Runs site builds in the publisher's build worker (build-worker.ts), starting
// it on first use and replacing it after `buildsPerWorker` builds or when it
// dies, so a crash in one build cannot stop the next.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
  constructor(message: string, output: string, hint?: string) {
    super(`The build failed: ${message}`);
    this.output = output;
    this.hint = hint ?? 'The live site was not changed. Fix the content or code named above and publish again.';
  }
}

export function buildRunner(options: { buildsPerWorker?: number } = {}): BuildRunner {
  const limit = options.buildsPerWorker ?? 20;
  let worker: ChildProcess | undefined;
  let ready: Promise<void> | undefined;
  let builds = 0;
  let nextId = 1;

  const start = () => {
    const child = fork(WORKER, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    worker = child;
    builds = 0;
    ready = new Promise((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the build worker exited before it was ready (${code})`)));
    });
    child.once('exit', () => {
      if (worker === child) worker = undefined;
    });
    return ready;
  };
  const retire = async () => {
    const child = worker;
    worker = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  };

  return {
    build: async (outDir, env, onOutput) => {
      if (!worker || builds >= limit) {
        await retire();
        await start();
      } else await ready;
      const child = worker as ChildProcess;
      builds++;
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
          const onMessage = (message: BuildReply) => {
            if (message.id !== job.id) return;
            child.off('message', onMessage);
            child.off('exit', onExit);
            resolve(message);
          };
          const onExit = (code: number | null) =>
            reject(new BuildFailed(`the build process died (exit ${code})`, output));
          child.on('message', onMessage);
          child.once('exit', onExit);
          child.send(job);
        });
        if (!reply.ok) throw new BuildFailed(reply.message, output, reply.hint);
      } finally {
        child.stdout?.off('data', collect);
        child.stderr?.off('data', collect);
      }
    },
    close: retire,
  };
}
