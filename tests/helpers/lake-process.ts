// A lake as users run it: `node scripts/lake.ts` in its own process, on a
// fresh data directory, for what only a real process shows (it crashing, its
// memory). The token is the first editor's, which every new lake makes.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export type LakeProcess = {
  url: string;
  /** An administrator's token (the first editor's). */
  token: string;
  child: ChildProcess;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Its peak resident memory so far, in bytes (Linux: VmHWM). */
  peakMemory(): number;
  stop(): Promise<void>;
};

export async function startLakeProcess(): Promise<LakeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lake-process-'));
  const child = spawn(process.execPath, ['scripts/lake.ts', '--data-dir', dataDir], {
    env: { ...process.env, LAKE_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => {
    running = false;
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const event = await new Promise<{ url: string; firstEditorTokenFile: string }>((resolve, reject) => {
    lines.on('line', (line) => {
      const parsed = JSON.parse(line) as { event: string; url: string; firstEditorTokenFile: string };
      if (parsed.event === 'listening') resolve(parsed);
    });
    void exited.then(() => reject(new Error('the lake exited before it listened')));
  });
  return {
    url: event.url,
    token: readFileSync(event.firstEditorTokenFile, 'utf8').trim(),
    child,
    alive: () => running,
    peakMemory: () => {
      const line = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB$/m);
      return Number(line?.[1]) * 1024;
    },
    async stop() {
      if (running) child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
