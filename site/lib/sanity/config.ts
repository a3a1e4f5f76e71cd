// Where content comes from, read once from the environment so a typo fails the
// build at start-up rather than as an empty site. The embedded lake and hosted
// Sanity are configured the same way; only the values differ.
import { z } from 'zod';
import { newsroomError } from '../errors.ts';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** Whether `apiHost` is a lake on this machine (the embedded one), not a content host others reach. */
export function isLoopbackHost(apiHost: string): boolean {
  return URL.canParse(apiHost) && LOOPBACK.test(new URL(apiHost).hostname);
}

const env = z.object({
  SANITY_PROJECT_ID: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens')
    .default('local'),
  SANITY_DATASET: z
    .string()
    .regex(/^[a-z0-9_-]{1,64}$/, 'lower-case letters, digits, _ and -')
    .default('production'),
  SANITY_API_HOST: z.url().optional(),
  SANITY_API_VERSION: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2}|v1|X)$/, 'a date like 2025-02-19')
    .default('2025-02-19'),
  SANITY_TOKEN: z.string().min(1).optional(),
  /** Hosted Sanity routes by project subdomain; a lake on loopback cannot (Node does not resolve *.localhost). */
  SANITY_USE_PROJECT_HOSTNAME: z.enum(['true', 'false']).optional(),
  SANITY_STUDIO_URL: z.url().optional(),
  /** Where originals are served: Sanity's image CDN for hosted projects, else the API host itself. */
  SANITY_IMAGE_HOST: z.url().optional(),
});

export type ContentConfig = {
  projectId: string;
  dataset: string;
  apiHost: string;
  apiVersion: string;
  token?: string;
  useProjectHostname: boolean;
  /** Where editors fix documents; error messages link here. */
  studioUrl?: string;
  /** Base URL of the image API (`/images/<projectId>/<dataset>/...`). */
  imageHost: string;
};

/** Hosted Sanity serves images from its CDN, not from the API host; a lake serves both. */
function imageHostFor(apiHost: URL): URL {
  return /(^|\.)sanity\.io$/.test(apiHost.hostname) ? new URL('https://cdn.sanity.io') : apiHost;
}

export function readContentConfig(source: Record<string, string | undefined> = process.env): ContentConfig {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw newsroomError('ContentConfigInvalid', String(issue?.path[0] ?? 'environment'), issue?.message ?? 'invalid');
  }
  const e = parsed.data;
  if (!e.SANITY_API_HOST) throw newsroomError('ContentHostMissing');
  const host = new URL(e.SANITY_API_HOST);
  return {
    projectId: e.SANITY_PROJECT_ID,
    dataset: e.SANITY_DATASET,
    apiHost: host.origin,
    apiVersion: e.SANITY_API_VERSION,
    token: e.SANITY_TOKEN,
    useProjectHostname: e.SANITY_USE_PROJECT_HOSTNAME
      ? e.SANITY_USE_PROJECT_HOSTNAME === 'true'
      : !isLoopbackHost(host.origin),
    studioUrl: e.SANITY_STUDIO_URL,
    imageHost: (e.SANITY_IMAGE_HOST ? new URL(e.SANITY_IMAGE_HOST) : imageHostFor(host)).origin,
  };
}
