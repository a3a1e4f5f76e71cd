// The content lake as an `npm start` service: HTTP/2 over TLS on 4443 with
// the local CA's certificate (what the Studio needs), plus a plain-HTTP
// loopback listener that the site build and other local tools read from
// without any certificate. Seeded from content/ on first run; the first-run
// editor's token becomes the Studio login link.
import { readFile } from 'node:fs/promises';
import { lakeAlreadyRunning } from '../../lake/running-lake.ts';
import { afterPrivateLake, startEmbeddedLake } from './embedded-lake.ts';
import type { Service } from './services.ts';

export type LakeServiceOptions = {
  dataDir: string;
  /** The HTTPS port; the Studio calls https://<projectId>.localhost:<port>. 0 picks a free port. */
  port: number;
  /** Where the local CA lives. Default: the per-user directory (lake/tls/tls-dir.ts). */
  tlsDir?: string;
  projectId: string;
  dataset: string;
};

export function lakeService(options: LakeServiceOptions): Service {
  return {
    name: 'lake',
    async start() {
      // A build's own lake is let go within seconds; another npm start's is not.
      const other = await afterPrivateLake(options.dataDir);
      if (other) throw lakeAlreadyRunning(options.dataDir, other);
      const lake = await startEmbeddedLake({
        dataDir: options.dataDir,
        port: options.port,
        ownProcessGroup: true,
        env: {
          LAKE_TLS: '1',
          LAKE_HTTP_PORT: '0',
          LAKE_PROJECT_ID: options.projectId,
          LAKE_DATASET: options.dataset,
          ...(options.tlsDir ? { LAKE_TLS_DIR: options.tlsDir } : {}),
        },
      });
      if (!lake.httpUrl) {
        await lake.stop();
        throw new Error('The lake did not open its plain-HTTP listener for local tools (no httpUrl).');
      }
      const port = new URL(lake.url).port;
      const studioApiHost = `https://localhost:${port}`;
      const token = await firstEditorToken(lake.firstEditorTokenFile, lake.httpUrl);
      return {
        summary: [
          `Lake: ${studioApiHost} (data in ${options.dataDir}; local tools read ${lake.httpUrl})`,
          ...(lake.caPath ? [`  Browsers must trust its CA once: node scripts/certs.ts trust (${lake.caPath})`] : []),
        ],
        env: {
          // Node tools (the site build, the publisher) read the loopback HTTP listener.
          SANITY_API_HOST: lake.httpUrl,
          SANITY_PROJECT_ID: options.projectId,
          SANITY_DATASET: options.dataset,
          SANITY_USE_PROJECT_HOSTNAME: 'false',
          // Browsers need a name the certificate covers and that has subdomains (<projectId>.localhost).
          SANITY_STUDIO_API_HOST: studioApiHost,
          LAKE_DIR: options.dataDir,
          ...(token ? { NEWSROOM_EDITOR_TOKEN: token } : {}),
        },
        stop: lake.stop,
      };
    },
  };
}

/** The first-run editor's token, if its file is there and the lake still accepts it. */
async function firstEditorToken(file: string | undefined, lakeUrl: string): Promise<string | undefined> {
  if (!file) return undefined;
  const token = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (!token) return undefined;
  const response = await fetch(`${lakeUrl}/v2026-05-04/users/me`, { headers: { authorization: `Bearer ${token}` } });
  return response.ok ? token : undefined;
}
