// An HTTP/2 session that goes quiet is closed by the lake; Node sets no limit,
// so before, a client that connected and said nothing more held its socket
// (and a file descriptor of the lake) for good. A session carrying a listener
// stays open, kept alive by the listener's heartbeats.

import { rmSync } from 'node:fs';
import { type ClientHttp2Session, connect } from 'node:http2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lake, startLake } from '../../lake/index.ts';
import { ensureLocalCertificates } from '../../lake/tls/local-certificates.ts';
import { tempDir } from '../helpers/lake.ts';

const IDLE_MS = 600;
const dirs = [tempDir('lake-idle-certs-'), tempDir('lake-idle-data-')];
let lake: Lake;
let ca: string;

beforeAll(async () => {
  const certificates = ensureLocalCertificates({ dir: dirs[0] as string });
  ca = certificates.ca;
  lake = await startLake({
    dataDir: dirs[1] as string,
    host: '127.0.0.1',
    tls: { key: certificates.key, cert: certificates.cert },
    idleSessionMs: IDLE_MS,
    listen: { heartbeatMs: 150 },
    onError: () => {},
  });
});

afterAll(async () => {
  await lake?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function session(): ClientHttp2Session {
  const client = connect(`https://local.localhost:${new URL(lake.url).port}`, {
    ca,
    lookup: ((_h: string, _o: unknown, cb: (e: null, a: { address: string; family: number }[]) => void) =>
      cb(null, [{ address: '127.0.0.1', family: 4 }])) as never,
  });
  client.on('error', () => {});
  return client;
}

/** Whether the lake closes `client` within `ms`. */
function closedWithin(client: ClientHttp2Session, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    client.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe('HTTP/2 sessions', () => {
  it('are closed once they have been quiet for idleSessionMs', async () => {
    const client = session();
    const status = await new Promise<number>((resolve, reject) => {
      const stream = client.request({ ':path': '/v2025-02-19/ping' });
      stream.on('response', (headers) => resolve(Number(headers[':status'])));
      stream.on('error', reject);
      stream.resume();
    });
    expect(status).toBe(200);
    expect(await closedWithin(client, IDLE_MS * 5)).toBe(true);
  });

  it('stay open while a listener on them gets heartbeats', async () => {
    const client = session();
    const stream = client.request({ ':path': '/v2025-02-19/data/listen/production?query=*' });
    stream.resume();
    expect(await closedWithin(client, IDLE_MS * 4)).toBe(false);
    client.destroy();
  });
});
