// Runs the embedded lake as a child process, so the build's rendering and the
// lake's query evaluation each get a core, and a crash in one cannot take the
// other down silently.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const LAKE_ENTRY = fileURLToPath(new URL('../lake.ts', import.meta.url));

/**
 * scripts/lake.ts's exit status when another lake serves its directory, so a
 * parent can tell "wait for that one" from a lake that cannot start: by the
 * time it asks, the other (a build's own lake) may already have stopped.
 */
export const ALREADY_RUNNING_EXIT = 3;

/** Set to 1, scripts/lake.ts exits with ALREADY_RUNNING_EXIT without a word: its parent waits for the other lake. */
export const QUIET_IF_RUNNING = 'LAKE_QUIET_IF_RUNNING';

// The lake keeps its dataset in the old generation; what it allocates per
// request dies young. V8's defaults (a young generation of up to 128 MB, and
// an old one let grow to several times the dataset before it is collected)
// only add resident memory beside a build: with 8 MB semi-spaces and 30 %
// growth the lake serving a 10k-story first build stayed near 330 MB instead
// of 440-500 MB, with no measurable change in how long the load took.
const LAKE_V8_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=30'];

export type ChildLakeOptions = {
  /** The lake's data directory (SQLite file and assets). */
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Extra environment for the lake process. */
  env?: Record<string, string>;
  /**
   * Run it in its own process group, so a Ctrl-C in the terminal reaches the
   * parent only and the parent decides when the lake stops (npm start stops it
   * last). The parent must then handle SIGINT. Default false: the lake gets
   * the terminal's Ctrl-C along with its parent.
   */
  ownProcessGroup?: boolean;
};

/** What the lake says when it is ready (scripts/lake.ts's `listening` line). */
export type LakeListening = {
  url: string;
  /** With LAKE_TLS: the plain-HTTP loopback listener for local tools. */
  httpUrl?: string;
  /** With LAKE_TLS: the local CA's certificate. */
  caPath?: string;
  /** The first-run editor's token file, while it exists. */
  firstEditorTokenFile?: string;
};

export type ChildLake = LakeListening & { process: ChildProcess; stop: () => Promise<void> };

export async function startChildLake(options: ChildLakeOptions): Promise<ChildLake> {
  const child = spawn(process.execPath, [...LAKE_V8_FLAGS, LAKE_ENTRY], {
    env: {
      ...process.env,
      ...options.env,
      LAKE_DIR: options.dataDir,
      LAKE_HOST: options.host ?? '127.0.0.1',
      LAKE_PORT: String(options.port ?? 0),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: options.ownProcessGroup ?? false,
  });
  guardAgainstOrphaning(child);
  const listening = await new Promise<LakeListening>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const onExit = (code: number | null) => {
      const error = new Error(`The embedded lake exited (code ${code}) before it was ready; see its output above.`);
      if (code === ALREADY_RUNNING_EXIT) error.name = 'LakeAlreadyRunning';
      reject(error);
    };
    child.once('exit', onExit);
    child.once('error', reject);
    lines.on('line', (line) => {
      const event = parseEvent(line);
      if (event?.event === 'listening' && typeof event.url === 'string') {
        child.off('exit', onExit);
        resolve({
          url: event.url,
          httpUrl: optionalString(event.httpUrl),
          caPath: optionalString(event.caPath),
          firstEditorTokenFile: optionalString(event.firstEditorTokenFile),
        });
      }
    });
  });
  return { ...listening, process: child, stop: () => stopChild(child) };
}

const running = new Set<ChildProcess>();
let exitHooked = false;

/**
 * If the parent exits without stopping its lakes (an uncaught error), each
 * still gets its SIGTERM and closes cleanly rather than outliving it.
 */
function guardAgainstOrphaning(child: ChildProcess): void {
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', () => {
      for (const lake of running) lake.kill('SIGTERM');
    });
  }
  running.add(child);
  child.once('exit', () => running.delete(child));
}

const optionalString = (value: unknown) => (typeof value === 'string' ? value : undefined);

function parseEvent(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
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
