// Runs the embedded lake as a child process, so the build's rendering and the
// lake's query evaluation each get a core, and a crash in one cannot take the
// other down silently.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const LAKE_ENTRY = fileURLToPath(new URL('../lake.ts', import.meta.url));

export type ChildLakeOptions = {
  /** The lake's data directory (SQLite file and assets). */
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Extra environment for the lake process. */
  env?: Record<string, string>;
};

export type ChildLake = { url: string; process: ChildProcess; stop: () => Promise<void> };

export async function startChildLake(options: ChildLakeOptions): Promise<ChildLake> {
  const child = spawn(process.execPath, [LAKE_ENTRY], {
    env: {
      ...process.env,
      ...options.env,
      LAKE_DIR: options.dataDir,
      LAKE_HOST: options.host ?? '127.0.0.1',
      LAKE_PORT: String(options.port ?? 0),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const onExit = (code: number | null) =>
      reject(new Error(`The embedded lake exited (code ${code}) before it was ready; see its output above.`));
    child.once('exit', onExit);
    child.once('error', reject);
    lines.on('line', (line) => {
      const event = parseEvent(line);
      if (event?.event === 'listening' && typeof event.url === 'string') {
        child.off('exit', onExit);
        resolve(event.url);
      }
    });
  });
  return { url, process: child, stop: () => stopChild(child) };
}

function parseEvent(line: string): { event?: unknown; url?: unknown } | undefined {
  try {
    return JSON.parse(line) as { event?: unknown; url?: unknown };
  } catch {
    return undefined;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
