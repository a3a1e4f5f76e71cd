import { rmSync } from 'node:fs';
import { withPublicUrl } from './assets/asset-document.ts';
import { variantsDir } from './assets/asset-paths.ts';
import { renderSlots } from './assets/render-slots.ts';
import { variantCache } from './assets/variant-cache.ts';
import { authenticate } from './auth/authenticate.ts';
import { ensureFirstEditor } from './auth/first-editor.ts';
import type { Role } from './auth/roles.ts';
import { type CreateTokenOptions, createToken, listTokens, revokeToken, type TokenRecord } from './auth/token-store.ts';
import { ensureUserTables } from './auth/user-store.ts';
import { type ImportOptions, type ImportResult, importDataset } from './dataset-io/import-dataset.ts';
import { createRequestHandler } from './http/handle-request.ts';
import { createRouter } from './http/router.ts';
import { routes } from './http/routes/index.ts';
import { startTransport, type Transport } from './http/server.ts';
import { createListenerHub } from './listen/listener-hub.ts';
import { type LakeOptions, lakeOptionsSchema } from './options.ts';
import { createPresenceServer } from './presence/presence-server.ts';
import { claimRunningLake, lakeAlreadyRunning, runningLake } from './running-lake.ts';
import type { LakeRuntime } from './runtime.ts';
import type { LakeDocument } from './store/document.ts';
import { LakeStore } from './store/lake-store.ts';
import { isStorageFull } from './store/storage-full.ts';
import type { TransactionListener } from './store/transaction-event.ts';
import { startWebhookService, type WebhookService } from './webhooks/webhook-service.ts';

/** A running lake. */
export type Lake = {
  /** Base URL to give @sanity/client as `apiHost` (with `useProjectHostname: false`). */
  url: string;
  /** With `tls` and `httpPort`: the plain-HTTP loopback URL for local tools (no CA needed). */
  httpUrl: string | undefined;
  port: number;
  projectId: string;
  defaultDataset: string;
  dataDir: string;
  /** Called after each transaction is durable; returns an unsubscribe function. */
  onTransaction(listener: TransactionListener): () => void;
  /** Open `data/listen` connections (a closed connection is removed at once). */
  openListeners(): number;
  /** Webhooks in Sanity's format: definitions, and the log of deliveries and their attempts. */
  webhooks: Omit<WebhookService, 'close'>;
  tokens: {
    create(options: CreateTokenOptions): TokenRecord & { token: string };
    list(): TokenRecord[];
    revoke(idOrName: string): TokenRecord[];
  };
  /** Imports an NDJSON export (folder, .ndjson or .tar.gz) in-process: bounded transactions, committed all or none. */
  import(source: string, options?: Partial<ImportOptions>): Promise<ImportResult>;
  /**
   * Writes documents exactly as given (no `_rev`/timestamps, no keys), as one
   * transaction. For fixtures and conformance suites that compare documents verbatim.
   */
  seed(dataset: string, documents: LakeDocument[]): void;
  /** Stops listening, ends open connections and closes the database. */
  close(): Promise<void>;
};

export type { Role };

/** Starts a lake: opens (or creates) its data directory and serves Sanity's HTTP API. */
export async function startLake(options: LakeOptions): Promise<Lake> {
  try {
    return await openLake(options);
  } catch (error) {
    // Opening writes (schema, first editor, webhook cursor): on a full disk
    // that is the operator's to fix, said plainly; never "restore a backup".
    if (isStorageFull(error)) throw storageFullAtStart(options.dataDir, error);
    throw error;
  }
}

function storageFullAtStart(dataDir: string, cause: unknown): Error {
  const why = cause instanceof Error ? cause.message : String(cause);
  return Object.assign(
    new Error(`The disk that holds the lake's data (${dataDir}) is full, so the lake cannot start: ${why}.`, { cause }),
    {
      name: 'LakeStorageFull',
      hint: 'Free space on that disk, then start the lake again; the data stored so far is intact.',
    },
  );
}

async function openLake(options: LakeOptions): Promise<Lake> {
  const config = lakeOptionsSchema.parse(options);
  const other = runningLake(config.dataDir);
  if (other) throw lakeAlreadyRunning(config.dataDir, other);
  const store = new LakeStore(config.dataDir, { maxBytes: config.maxDatabaseBytes });
  store.createDataset(config.defaultDataset);
  ensureUserTables(store.db);
  ensureFirstEditor(store.db, config.dataDir);
  let publicUrl = config.publicUrl?.replace(/\/+$/, '') ?? '';
  const logError =
    config.onError ??
    ((message: string, error: unknown) =>
      error === undefined ? console.error(message) : console.error(message, error));
  const runtime: LakeRuntime = {
    store,
    dataDir: config.dataDir,
    projectId: config.projectId,
    publicUrl: () => publicUrl,
    principal: (context) => {
      const header = context.headers.authorization;
      return authenticate(store.db, typeof header === 'string' ? header : undefined);
    },
    listeners: createListenerHub({
      store,
      heartbeatMs: config.listen.heartbeatMs,
      maxBufferedBytes: config.listen.maxBufferedBytes,
      logError,
    }),
    queryLimits: config.queries,
    variants: variantCache({ dir: variantsDir(config.dataDir), maxBytes: config.imageCacheBytes }),
    // Half of libuv's four threads: the other half stay for file reads and writes.
    renders: renderSlots(2),
  };
  const webhooks = startWebhookService({ store, projectId: config.projectId, settings: config.webhooks, logError });
  const handler = createRequestHandler({
    router: createRouter(routes),
    runtime,
    maxBodyBytes: config.maxBodyBytes,
    maxBufferedBodyBytes: config.maxBufferedBodyBytes,
    bodyIdleTimeoutMs: config.bodyIdleTimeoutMs,
    logError,
  });
  const presence = createPresenceServer({
    authenticate: (header) => authenticate(store.db, header),
    datasetExists: (name) => store.dataset(name) !== undefined,
    logError,
  });
  const onUpgrade = presence.handleUpgrade;
  const listening: Transport[] = [];
  const stop = async () => {
    // Listeners end first, so editors' Studios see the lake going and stop taking input;
    // what they have already sent, or send in the next moment, is still answered.
    runtime.listeners.close();
    presence.close();
    const quietMs = config.stopGraceMs;
    await Promise.all([...listening.map((transport) => transport.close({ quietMs })), webhooks.close()]);
    await store.settled();
    store.close();
  };
  let transport: Transport;
  let plain: Transport | undefined;
  try {
    transport = await startTransport({
      host: config.host,
      port: config.port,
      tls: config.tls,
      handler,
      onUpgrade,
      logError,
      idleSessionMs: config.idleSessionMs,
    });
    listening.push(transport);
    // Beside the Studio's TLS port, local tools (the site build) can use plain HTTP on loopback without the CA.
    if (config.tls && config.httpPort !== undefined) {
      plain = await startTransport({ host: '127.0.0.1', port: config.httpPort, handler, onUpgrade, logError });
      listening.push(plain);
    }
  } catch (error) {
    // A port taken: the database and the webhook worker must not stay open behind the error.
    await stop();
    throw error;
  }
  const httpUrl = plain ? `http://127.0.0.1:${plain.port}` : undefined;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `${transport.protocol}://${host}:${transport.port}`;
  publicUrl ||= url;
  // Asset documents carry an absolute `url`; the port can differ from the last run's.
  store.mapDocuments((doc) => withPublicUrl(doc, publicUrl));
  let marker: string;
  try {
    marker = claimRunningLake(config.dataDir, {
      pid: process.pid,
      url,
      httpUrl,
      projectId: config.projectId,
      ...(config.private ? { private: true } : {}),
    });
  } catch (error) {
    // Another lake started on this directory at the same moment and won.
    await stop();
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    url,
    httpUrl,
    port: transport.port,
    projectId: config.projectId,
    defaultDataset: config.defaultDataset,
    dataDir: config.dataDir,
    onTransaction: (listener) => store.onTransaction(listener),
    openListeners: () => runtime.listeners.size(),
    webhooks,
    tokens: {
      create: (tokenOptions) => createToken(store.db, tokenOptions),
      list: () => listTokens(store.db),
      revoke: (idOrName) => revokeToken(store.db, idOrName),
    },
    import: (source, importOptions = {}) =>
      store.exclusive(() =>
        importDataset(store, source, {
          dataset: config.defaultDataset,
          dataDir: config.dataDir,
          projectId: config.projectId,
          publicUrl,
          ...importOptions,
        }),
      ),
    seed: (dataset, documents) => store.seed(dataset, documents),
    close() {
      closed ??= stop().then(() => rmSync(marker, { force: true }));
      return closed;
    },
  };
}
