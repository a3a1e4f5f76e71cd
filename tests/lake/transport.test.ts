import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { connect as http2Connect } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { startLake } from '../../lake/index.ts';
import { tempDir } from '../helpers/lake.ts';

const dirs: string[] = [];
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A throw-away self-signed certificate for localhost. */
function certificate(): { key: Buffer; cert: Buffer } {
  const d = dir();
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,DNS:*.localhost,IP:127.0.0.1',
      '-keyout',
      join(d, 'key.pem'),
      '-out',
      join(d, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(d, 'key.pem')), cert: readFileSync(join(d, 'cert.pem')) };
}

describe('TLS', () => {
  it('serves HTTP/2 over TLS, and HTTP/1.1 over TLS to clients without h2', async () => {
    const lake = await startLake({ dataDir: dir(), tls: certificate() });
    try {
      expect(lake.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const session = http2Connect(lake.url, { rejectUnauthorized: false });
      const h2 = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const stream = session.request({ ':path': '/v2025-02-19/data/query/production?query=%22over%20h2%22' });
        let status = 0;
        let body = '';
        stream.on('response', (headers) => {
          status = Number(headers[':status']);
        });
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          body += chunk;
        });
        stream.on('end', () => resolve({ status, body }));
        stream.on('error', reject);
      });
      session.close();
      expect(h2.status).toBe(200);
      expect(JSON.parse(h2.body).result).toBe('over h2');

      const h1 = await new Promise<{ version: string; body: string }>((resolve, reject) => {
        const req = httpsRequest(
          `${lake.url}/v2025-02-19/data/query/production?query=1`,
          { rejectUnauthorized: false },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              body += chunk;
            });
            res.on('end', () => resolve({ version: res.httpVersion, body }));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(h1.version).toBe('1.1');
      expect(JSON.parse(h1.body).result).toBe(1);
    } finally {
      await lake.close();
    }
  });

  it('answers an HTTP/2 stream whose body stops arriving with a 408, and gives its bytes back', async () => {
    // HTTP/2 has no request timeout: a stream that sent half its body and then
    // nothing held those bytes, and its share of the body budget, for good.
    const failures: unknown[] = [];
    const lake = await startLake({
      dataDir: dir(),
      tls: certificate(),
      bodyIdleTimeoutMs: 300,
      maxBodyBytes: 100_000,
      maxBufferedBodyBytes: 100_000,
      onError: (_message, error) => failures.push(error),
    });
    const session = http2Connect(lake.url, { rejectUnauthorized: false });
    try {
      const post = (body: Buffer, length: number) =>
        new Promise<string>((resolve) => {
          const stream = session.request({
            ':path': '/v1/intake/batch',
            ':method': 'POST',
            'content-length': String(length),
          });
          stream.on('response', (headers) => resolve(`answered ${headers[':status']}`));
          stream.on('close', () => resolve('dropped'));
          stream.on('error', () => {});
          if (body.length < length) stream.write(body);
          else stream.end(body);
          setTimeout(() => resolve('still open'), 3000);
        });
      expect(await post(Buffer.alloc(60_000), 100_000)).toBe('answered 408');
      // Its 60 KB are no longer counted: a body of 60 KB more fits the 100 KB budget.
      expect(await post(Buffer.alloc(60_000), 60_000)).toBe('answered 200');
      expect(failures).toEqual([]);
    } finally {
      session.close();
      await lake.close();
    }
  });

  it('close() ends open connections instead of waiting for them', async () => {
    const lake = await startLake({ dataDir: dir() });
    const socket = netConnect(lake.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GET /v1/ping HTTP/1.1\r\nhost: x\r\nconnection: keep-alive\r\n\r\n');
    await new Promise((resolve) => socket.once('data', resolve));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    const started = Date.now();
    await lake.close();
    await closed;
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('scripts/lake.ts', () => {
  it('prints one "listening" JSON line, writes lake.json for other processes, and stops cleanly on SIGTERM', async () => {
    const dataDir = dir();
    const child = spawn(process.execPath, ['scripts/lake.ts', '--data-dir', dataDir], {
      env: { ...process.env, LAKE_PORT: '0', LAKE_PROJECT_ID: 'from-env' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const events: Record<string, unknown>[] = [];
    const listening = new Promise<Record<string, unknown>>((resolve) => {
      lines.on('line', (line) => {
        const event = JSON.parse(line) as Record<string, unknown>;
        events.push(event);
        if (event.event === 'listening') resolve(event);
      });
    });
    const event = await listening;
    expect(event).toMatchObject({
      event: 'listening',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      projectId: 'from-env',
    });
    expect(JSON.parse(readFileSync(join(dataDir, 'lake.json'), 'utf8'))).toMatchObject({
      url: event.url,
      pid: child.pid,
    });
    const ping = await fetch(`${event.url as string}/v2025-02-19/data/query/production?query=count(*)`);
    expect(await ping.json()).toMatchObject({ result: 0 });
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(events.at(-1)).toEqual({ event: 'closed' });
    expect(existsSync(join(dataDir, 'lake.json'))).toBe(false);
  });
});
