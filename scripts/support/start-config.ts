// npm start's settings, read once from the environment so a typo fails at
// start-up with the variable's name rather than as a half-started newsroom.
import { z } from 'zod';
import { defaultLakeDir } from './embedded-lake.ts';
import { portVariable } from './port-variable.ts';

// Ports are read by portVariable, the rule every script uses, so a bad one is
// named the same way whether a service runs alone or under npm start.
const startEnv = z.object({
  LAKE_DIR: z.string().min(1).optional(),
  /** Where the built Studio lives (built there when missing or stale). Default studio/dist. */
  STUDIO_DIST: z.string().min(1).optional(),
  /** Where the lake's local CA and certificate live. Default: the per-user directory `node scripts/certs.ts path` shows. */
  LAKE_TLS_DIR: z.string().min(1).optional(),
  LAKE_PROJECT_ID: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('local'),
  LAKE_DATASET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/)
    .default('production'),
});

export type StartConfig = {
  ports: {
    /** The lake's HTTPS port (the Studio's API host is https://localhost:<port>). */
    lake: number;
    studio: number;
    /** The local CDN edge serving the site. */
    site: number;
    /** The publisher's webhook receiver (loopback only): the lake calls it on every publish. */
    publisher: number;
  };
  lakeDir: string;
  studioDist?: string;
  tlsDir?: string;
  projectId: string;
  dataset: string;
};

export function readStartConfig(env: NodeJS.ProcessEnv = process.env): StartConfig {
  const ports = {
    lake: portVariable('LAKE_PORT', env),
    studio: portVariable('STUDIO_PORT', env),
    site: portVariable('SITE_PORT', env),
    publisher: portVariable('PUBLISHER_PORT', env),
  };
  const parsed = startEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw Object.assign(new Error(`${String(issue?.path[0])} is invalid: ${issue?.message}`), {
      name: 'StartConfigInvalid',
      hint: 'Fix or unset that variable (see .env.example).',
    });
  }
  const e = parsed.data;
  return {
    ports,
    lakeDir: e.LAKE_DIR ?? defaultLakeDir(),
    studioDist: e.STUDIO_DIST,
    tlsDir: e.LAKE_TLS_DIR,
    projectId: e.LAKE_PROJECT_ID,
    dataset: e.LAKE_DATASET,
  };
}
