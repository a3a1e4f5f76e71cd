// node scripts/lake.ts — runs the embedded lake standalone.
//
// Environment (flags win): LAKE_DIR / --data-dir (default .lake), LAKE_PORT /
// --port (default 0: a free port), LAKE_HOST / --host (default 127.0.0.1),
// LAKE_PROJECT_ID (default local), LAKE_DATASET (default production),
// LAKE_PUBLIC_URL, LAKE_TLS_KEY + LAKE_TLS_CERT (PEM file paths: HTTP/2 over TLS).
//
// When ready it prints one JSON line on stdout, {"event":"listening","url":...},
// which is how a parent process learns the URL; SIGINT/SIGTERM stop it cleanly.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startLake } from '../lake/index.ts';

const USAGE = 'Usage: node scripts/lake.ts [--data-dir .lake] [--port 0] [--host 127.0.0.1]';

const configSchema = z.object({
  dataDir: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  projectId: z.string().optional(),
  defaultDataset: z.string().optional(),
  publicUrl: z.url().optional(),
  tlsKey: z.string().optional(),
  tlsCert: z.string().optional(),
});

async function main(): Promise<number> {
  let flags: Record<string, string | undefined>;
  try {
    flags = parseArgs({
      options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const env = process.env;
  const parsed = configSchema.safeParse({
    dataDir: flags['data-dir'] ?? env.LAKE_DIR ?? '.lake',
    port: flags.port ?? env.LAKE_PORT ?? '0',
    host: flags.host ?? env.LAKE_HOST ?? '127.0.0.1',
    projectId: env.LAKE_PROJECT_ID || undefined,
    defaultDataset: env.LAKE_DATASET || undefined,
    publicUrl: env.LAKE_PUBLIC_URL || undefined,
    tlsKey: env.LAKE_TLS_KEY || undefined,
    tlsCert: env.LAKE_TLS_CERT || undefined,
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
  const lake = await startLake({
    dataDir: config.dataDir,
    port: config.port,
    host: config.host,
    projectId: config.projectId,
    defaultDataset: config.defaultDataset,
    publicUrl: config.publicUrl,
    tls:
      config.tlsKey && config.tlsCert
        ? { key: readFileSync(config.tlsKey), cert: readFileSync(config.tlsCert) }
        : undefined,
  });
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', url: lake.url, projectId: lake.projectId, dataset: lake.defaultDataset, dataDir: config.dataDir, pid: process.pid })}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await lake.close();
  process.stdout.write(`${JSON.stringify({ event: 'closed' })}\n`);
  return 0;
}

process.exitCode = await main();
