// What a browser test file works against: a real lake (HTTP/2 + TLS, seeded
// from content/) in this process, the built Studio served and pointed at it,
// and one headless Chromium. Each journey gets its own editor account and
// browser context; the lake is shared by the file's journeys, which each work
// on documents of their own.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type SanityClient } from '@sanity/client';
import type { Browser } from 'playwright-core';
import {
  createEditor,
  ensureLocalCertificates,
  type Lake,
  loopbackHosts,
  openDatabase,
  startLake,
} from '../../../lake/index.ts';
import { type StudioServer, startStudioServer } from '../../../scripts/support/studio-server.ts';
import { launchChromium } from '../../helpers/browser.ts';
import { type BuildRun, ROOT, runBuild, tempDir } from '../../helpers/site-build.ts';
import { builtStudio } from './built-studio.ts';
import { openStudio, type StudioSession } from './studio-session.ts';

export type Editor = { id: string; name: string; token: string };

export type StudioHarness = {
  /** The lake now running (a new one after `startLakeAgain`). */
  readonly lake: Lake;
  /** The browser-facing lake address the Studio is pointed at: https://localhost:<port>. */
  apiHost: string;
  studioUrl: string;
  /** An editor account (a Studio login), made fresh for a journey. */
  editor(name: string): Editor;
  /** A new browser context logged in as `editor`, at `path` (default: the desk). */
  open(editor: Editor, path?: string): Promise<StudioSession>;
  /** @sanity/client over the lake's loopback HTTP listener, as the site and scripts read it. */
  client(options?: { token?: string }): SanityClient;
  /** `node scripts/build.ts` against this lake (which it finds running on its data directory). */
  build(): Promise<BuildRun>;
  /** Stops the lake as Ctrl-C in `npm start` does (its close()); resolves once it is gone. */
  stopLake(): Promise<void>;
  /** Starts the lake again on the same port and data, as a restart does; the Studio reconnects on its own. */
  startLakeAgain(): Promise<void>;
  close(): Promise<void>;
};

/** Shared by every file of a run: the CA is made once, under the lake's own lock. */
const TLS_DIR = join(tmpdir(), 'newsroom-browser-tests-tls');

export type StudioHarnessOptions = {
  /** The lake's size cap (see LakeOptions), for journeys on a full lake. */
  maxDatabaseBytes?: number;
};

export async function startStudioHarness(options: StudioHarnessOptions = {}): Promise<StudioHarness> {
  const [studioDir, certificates] = await Promise.all([
    builtStudio(),
    ensureLocalCertificates({ dir: TLS_DIR, hosts: loopbackHosts(['local']) }),
  ]);
  const dataDir = join(tempDir('newsroom-browser-lake-'), 'lake');
  const startOn = (port: number) =>
    startLake({
      dataDir,
      port,
      tls: { key: certificates.key, cert: certificates.cert },
      httpPort: 0,
      maxDatabaseBytes: options.maxDatabaseBytes,
      onError: (message, error) => console.error(`lake: ${message}`, error),
    });
  let lake = await startOn(0);
  let stopping: Promise<void> | undefined;
  await lake.import(join(ROOT, 'content'));
  const apiHost = `https://localhost:${lake.port}`;
  let server: StudioServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startStudioServer({ root: studioDir, apiHost });
    browser = await launchChromium({ ignoreHTTPSErrors: true });
  } catch (error) {
    await server?.close();
    await lake.close();
    throw error;
  }
  const db = openDatabase(dataDir);
  const sessions: StudioSession[] = [];
  let editors = 0;
  const studio = server;
  const chromium = browser;
  return {
    get lake() {
      return lake;
    },
    apiHost,
    studioUrl: studio.url,
    editor(name) {
      editors += 1;
      const { editor, token } = createEditor(db, { name, email: `editor-${editors}@newsroom.test`, role: 'editor' });
      return { id: editor.id, name: editor.name, token };
    },
    async open(editor, path) {
      const session = await openStudio({ browser: chromium, studioUrl: studio.url, token: editor.token, path });
      sessions.push(session);
      return session;
    },
    client: (options = {}) =>
      createClient({
        projectId: lake.projectId,
        dataset: lake.defaultDataset,
        apiHost: lake.httpUrl as string,
        useProjectHostname: false,
        apiVersion: '2025-02-19',
        useCdn: false,
        token: options.token,
      }),
    build: () => runBuild({ lakeDir: dataDir }),
    stopLake() {
      stopping ??= lake.close();
      return stopping;
    },
    async startLakeAgain() {
      await stopping;
      lake = await startOn(lake.port);
      stopping = undefined;
    },
    async close() {
      await Promise.all(sessions.map((s) => s.close()));
      await chromium.close();
      await studio.close();
      db.close();
      await lake.close();
    },
  };
}
