// node scripts/lake.ts — runs the embedded lake standalone.
//
// Environment (flags win): LAKE_DIR / --data-dir (default .lake), LAKE_PORT /
// --port (default 0: a free port), LAKE_HOST / --host (default 127.0.0.1),
// LAKE_PROJECT_ID (default local), LAKE_DATASET (default production),
// LAKE_PUBLIC_URL, LAKE_TLS_KEY + LAKE_TLS_CERT (PEM file paths: HTTP/2 over TLS),
// LAKE_PRIVATE=1 (a build's own lake, which other builds wait for instead of
// reading from: see lake/running-lake.ts), LAKE_MAX_DATABASE_MB (a cap on the
// SQLite file: past it writes get a 507, as on a full disk).
//
// LAKE_TLS=1 serves HTTP/2 over TLS with the local CA's certificate (made on
// first use under LAKE_TLS_DIR or the per-user config dir; trust it once with
// `node scripts/certs.ts trust`), on port 4443 unless LAKE_PORT says otherwise:
// the Studio-facing lake. It also serves plain HTTP on 127.0.0.1:LAKE_HTTP_PORT
// (default 0, a free port) for local tools such as the site build, and
// asset URLs default to https://localhost:<port>.
//
// When ready it prints one JSON line on stdout, {"event":"listening","url":...},
// which is how a parent process learns the URL; SIGINT/SIGTERM stop it cleanly.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { FIRST_EDITOR_FILE } from '../lake/auth/first-editor.ts';
import { startLake } from '../lake/index.ts';
import { ensureLocalCertificates, loopbackHosts } from '../lake/tls/local-certificates.ts';
import { defaultTlsDir } from '../lake/tls/tls-dir.ts';
import { ALREADY_RUNNING_EXIT, QUIET_IF_RUNNING } from './support/child-lake.ts';
import { commandLineOrExit, parsedOrUsage } from './support/command-line.ts';
import { parsePort } from './support/port-variable.ts';

const USAGE = 'Usage: node scripts/lake.ts [--data-dir .lake] [--port 0] [--host 127.0.0.1]';

const configSchema = z.object({
  dataDir: z.string().min(1),
  port: z.number(),
  host: z.string().min(1),
  projectId: z.string().optional(),
  defaultDataset: z.string().optional(),
  publicUrl: z.url().optional(),
  tlsKey: z.string().optional(),
  tlsCert: z.string().optional(),
  localTls: z.boolean(),
  httpPort: z.number().optional(),
  private: z.boolean(),
  maxDatabaseMb: z.coerce.number().positive('LAKE_MAX_DATABASE_MB must be a positive number of megabytes').optional(),
});

async function main(): Promise<number> {
  const commandLine = commandLineOrExit(
    () =>
      parseArgs({
        options: {
          'data-dir': { type: 'string' },
          port: { type: 'string' },
          host: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      }),
    USAGE,
  );
  if (typeof commandLine === 'number') return commandLine;
  const flags = commandLine.values;
  const env = process.env;
  const localTls = env.LAKE_TLS === '1' || env.LAKE_TLS === 'true';
  const ports = parsedOrUsage(() => lakePorts(flags.port, env, localTls), USAGE);
  if (!ports) return 2;
  const parsed = configSchema.safeParse({
    dataDir: flags['data-dir'] ?? env.LAKE_DIR ?? '.lake',
    port: ports.port,
    host: flags.host ?? env.LAKE_HOST ?? '127.0.0.1',
    projectId: env.LAKE_PROJECT_ID || undefined,
    defaultDataset: env.LAKE_DATASET || undefined,
    publicUrl: env.LAKE_PUBLIC_URL || undefined,
    tlsKey: env.LAKE_TLS_KEY || undefined,
    tlsCert: env.LAKE_TLS_CERT || undefined,
    localTls,
    httpPort: ports.httpPort,
    private: env.LAKE_PRIVATE === '1',
    maxDatabaseMb: env.LAKE_MAX_DATABASE_MB || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    process.stderr.write(`Invalid lake configuration: ${issue?.path.join('.')}: ${issue?.message}\n${USAGE}\n`);
    return 2;
  }
  const config = parsed.data;
  if (Boolean(config.tlsKey) !== Boolean(config.tlsCert)) {
    process.stderr.write('LAKE_TLS_KEY and LAKE_TLS_CERT go together: set both (PEM file paths) or neither.\n');
    return 2;
  }
  const local = config.localTls
    ? ensureLocalCertificates({ dir: defaultTlsDir(), hosts: loopbackHosts([config.projectId ?? 'local']) })
    : undefined;
  if (local?.created.ca) {
    process.stderr.write(
      `Made a new local CA (${local.caCertPath}); run \`node scripts/certs.ts trust\` once so browsers accept the lake.\n`,
    );
  }
  let lake: Awaited<ReturnType<typeof startLake>>;
  try {
    lake = await startLake({
      private: config.private,
      dataDir: config.dataDir,
      port: config.port,
      host: config.host,
      projectId: config.projectId,
      defaultDataset: config.defaultDataset,
      publicUrl: config.publicUrl ?? (local && config.port !== 0 ? `https://localhost:${config.port}` : undefined),
      tls: local
        ? { key: local.key, cert: local.cert }
        : config.tlsKey && config.tlsCert
          ? { key: readFileSync(config.tlsKey), cert: readFileSync(config.tlsCert) }
          : undefined,
      httpPort: config.httpPort,
      maxDatabaseBytes: config.maxDatabaseMb === undefined ? undefined : Math.round(config.maxDatabaseMb * 1024 * 1024),
    });
  } catch (error) {
    const e = error as Error & { hint?: string };
    // Errors the lake names say what to do; anything else is a bug, with its stack.
    if (!e.hint) throw error;
    const alreadyRunning = e.name === 'LakeAlreadyRunning';
    // A build that started this lake waits for the other one instead, and says so itself:
    // "stop the other lake" would tell its operator to do what needs no doing.
    if (!(alreadyRunning && process.env[QUIET_IF_RUNNING] === '1'))
      process.stderr.write(`${e.name}: ${e.message}\nWhat to do: ${e.hint}\n`);
    return alreadyRunning ? ALREADY_RUNNING_EXIT : 1;
  }
  const firstEditor = join(config.dataDir, FIRST_EDITOR_FILE);
  process.stdout.write(
    `${JSON.stringify({
      event: 'listening',
      url: lake.url,
      httpUrl: lake.httpUrl,
      projectId: lake.projectId,
      dataset: lake.defaultDataset,
      dataDir: config.dataDir,
      pid: process.pid,
      caPath: local?.caCertPath,
      firstEditorTokenFile: existsSync(firstEditor) ? firstEditor : undefined,
    })}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (config.private) stopWhenOrphaned(stop);
  });
  await lake.close();
  // An orphaned build lake's parent is gone, and with it the pipe: nothing to tell.
  process.stdout.on('error', () => {});
  process.stdout.write(`${JSON.stringify({ event: 'closed' })}\n`);
  return 0;
}

/**
 * The ports by npm start's rule (a bad one is named, not "received NaN"); the
 * default is 4443 for the Studio-facing TLS lake, else a free port. The flag
 * wins over LAKE_PORT.
 */
function lakePorts(flag: string | undefined, env: NodeJS.ProcessEnv, localTls: boolean) {
  const fallback = localTls ? 4443 : 0;
  return {
    port:
      flag === undefined
        ? parsePort(env.LAKE_PORT, { name: 'LAKE_PORT', fallback })
        : parsePort(flag, { name: '--port', fallback }),
    httpPort: localTls ? parsePort(env.LAKE_HTTP_PORT, { name: 'LAKE_HTTP_PORT', fallback: 0 }) : undefined,
  };
}

/**
 * A build's own lake must not outlive the build: other builds wait for it to
 * stop. A build killed outright (SIGKILL) cannot stop it, so the lake watches
 * for being handed to another parent and then stops itself.
 */
function stopWhenOrphaned(stop: () => void): void {
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    stop();
  }, ORPHAN_CHECK_MS);
  watch.unref();
}

const ORPHAN_CHECK_MS = 500;

process.exitCode = await main();
