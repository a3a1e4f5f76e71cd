// A real lake for tests: a fresh data directory in the OS temp folder, the
// server on a random loopback port, tokens for each role and a real
// @sanity/client per role (anonymous, viewer, editor, administrator).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type SanityClient } from '@sanity/client';
import { type Lake, type LakeOptions, startLake } from '../../lake/index.ts';

export const API_VERSION = '2025-02-19';

export type TestLake = {
  lake: Lake;
  dataDir: string;
  tokens: { viewer: string; editor: string; administrator: string };
  anonymous: SanityClient;
  viewer: SanityClient;
  editor: SanityClient;
  administrator: SanityClient;
  /** A client for this lake with other settings (dataset, apiVersion, token...). */
  client(config?: Parameters<typeof createClient>[0]): SanityClient;
  /** Raw HTTP against the lake, for what @sanity/client cannot send. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
};

export function tempDir(prefix = 'lake-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A @sanity/client for a lake (or anything that knows its URL, project and dataset). */
export function lakeClient(
  lake: Pick<Lake, 'url' | 'projectId' | 'defaultDataset'>,
  config: Parameters<typeof createClient>[0] = {},
): SanityClient {
  return createClient({
    projectId: lake.projectId,
    dataset: lake.defaultDataset,
    apiHost: lake.url,
    useProjectHostname: false,
    apiVersion: API_VERSION,
    useCdn: false,
    ...config,
  });
}

export async function startTestLake(options: Partial<LakeOptions> = {}): Promise<TestLake> {
  const dataDir = options.dataDir ?? tempDir();
  const lake = await startLake({ ...options, dataDir, onError: options.onError ?? (() => {}) });
  const token = (role: 'viewer' | 'editor' | 'administrator') =>
    lake.tokens.create({ name: `test-${role}`, role }).token;
  const tokens = { viewer: token('viewer'), editor: token('editor'), administrator: token('administrator') };
  const client = (config: Parameters<typeof createClient>[0] = {}) => lakeClient(lake, config);
  return {
    lake,
    dataDir,
    tokens,
    anonymous: client(),
    viewer: client({ token: tokens.viewer }),
    editor: client({ token: tokens.editor }),
    administrator: client({ token: tokens.administrator }),
    client,
    fetch: (path, init) => fetch(`${lake.url}${path}`, init),
    async close() {
      await lake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The `error` body of a failed @sanity/client call (its `response.body`). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ statusCode: number; body: Record<string, unknown>; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { statusCode: number; response?: { body: Record<string, unknown> }; message: string };
    return { statusCode: e.statusCode, body: e.response?.body ?? {}, message: e.message };
  }
  throw new Error('Expected the request to fail, but it succeeded');
}
