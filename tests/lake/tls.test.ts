// The local CA and the Studio-facing lake over HTTP/2 + TLS, checked by
// Node's own TLS stack with only our CA trusted (no certificate errors
// ignored anywhere).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect as http2Connect } from 'node:http2';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startLake } from '../../lake/index.ts';
import { ensureLocalCertificates, loopbackHosts, TLS_FILES } from '../../lake/tls/local-certificates.ts';
import { type TrustContext, trustEverywhere } from '../../lake/tls/trust-stores.ts';
import { buildCertificate, toPem } from '../../lake/tls/x509.ts';
import { tempDir } from '../helpers/lake.ts';

const dirs: string[] = [];
const dir = () => {
  const d = tempDir('lake-tls-');
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const DAY = 86_400_000;
/** Resolves every name to loopback, as Chromium does for *.localhost. */
const loopback = (
  _host: string,
  _options: unknown,
  callback: (e: null, a: { address: string; family: number }[]) => void,
) => callback(null, [{ address: '127.0.0.1', family: 4 }]);

/** Completes a TLS handshake to 127.0.0.1:port as `servername`, trusting only `ca`; resolves the error if refused. */
function handshake(port: number, servername: string, ca: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, servername, ca, ALPNProtocols: ['h2', 'http/1.1'] }, () => {
      resolve(`ok ${socket.alpnProtocol}`);
      socket.end();
    });
    socket.on('error', (error) => resolve(error.message));
  });
}

describe('the local CA', () => {
  it('is made once, with private keys only the owner can read, and reused after', () => {
    const d = dir();
    const first = ensureLocalCertificates({ dir: d });
    expect(first.created).toEqual({ ca: true, server: true });
    expect(statSync(join(d, TLS_FILES.caKey)).mode & 0o777).toBe(0o600);
    expect(statSync(join(d, TLS_FILES.serverKey)).mode & 0o777).toBe(0o600);
    expect(statSync(d).mode & 0o777).toBe(0o700);
    const second = ensureLocalCertificates({ dir: d });
    expect(second.created).toEqual({ ca: false, server: false });
    expect(second.cert).toBe(first.cert);
    const leaf = new X509Certificate(first.cert);
    expect(leaf.verify(new X509Certificate(first.ca).publicKey)).toBe(true);
    expect(first.hosts).toEqual(['localhost', '*.localhost', 'local.localhost', '127.0.0.1', '0:0:0:0:0:0:0:1']);
    expect(leaf.checkHost('local.localhost')).toBe('local.localhost');
    expect(leaf.checkIP('::1')).toBe('::1');
  });

  it('renews the server certificate before it expires, and the CA (with a new server certificate) before it does', () => {
    const d = dir();
    const first = ensureLocalCertificates({ dir: d });
    const soon = ensureLocalCertificates({ dir: d, now: new Date(first.serverExpires.getTime() - 10 * DAY) });
    expect(soon.created).toEqual({ ca: false, server: true });
    expect(soon.ca).toBe(first.ca);
    const late = ensureLocalCertificates({ dir: d, now: new Date(first.caExpires.getTime() - 10 * DAY) });
    expect(late.created).toEqual({ ca: true, server: true });
    expect(new X509Certificate(late.cert).verify(new X509Certificate(late.ca).publicKey)).toBe(true);
  });

  it('adds a new project host without dropping the old ones, and replaces corrupt files', () => {
    const d = dir();
    ensureLocalCertificates({ dir: d });
    const more = ensureLocalCertificates({ dir: d, hosts: loopbackHosts(['newsroom']) });
    expect(more.created.server).toBe(true);
    expect(more.hosts).toEqual(expect.arrayContaining(['local.localhost', 'newsroom.localhost']));
    writeFileSync(join(d, TLS_FILES.serverCert), 'garbage');
    expect(ensureLocalCertificates({ dir: d }).created).toEqual({ ca: false, server: true });
  });

  it('can only vouch for loopback: a certificate it signs for another name is refused by TLS clients', async () => {
    const d = dir();
    const local = ensureLocalCertificates({ dir: d });
    const ca = new X509Certificate(local.ca);
    const caKey = (await import('node:crypto')).createPrivateKey(readFileSync(join(d, TLS_FILES.caKey)));
    const { generateKeyPairSync } = await import('node:crypto');
    const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const issuer = {
      commonName: /CN=(.+)/.exec(ca.subject)?.[1] ?? '',
      organization: 'Newsroom lake (local development)',
    };
    const forged = toPem(
      buildCertificate({
        subject: { commonName: 'example.com', organization: 'x' },
        issuer,
        publicKey: keys.publicKey,
        issuerPublicKey: ca.publicKey,
        signingKey: caKey,
        notBefore: new Date(Date.now() - DAY),
        notAfter: new Date(Date.now() + DAY),
        kind: { ca: false, hosts: ['example.com'] },
      }),
    );
    for (const [cert, key, name, expected] of [
      [local.cert, local.key, 'local.localhost', /^ok/],
      [
        forged,
        keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        'example.com',
        /name constraint|permitted subtree/i,
      ],
    ] as const) {
      const server = createHttpsServer({ cert, key }, (_req, res) => res.end());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as { port: number }).port;
      expect(await handshake(port, name, local.ca)).toMatch(expected);
      server.close();
    }
  });
});

describe('a lake on the local CA', () => {
  it('serves HTTP/2 on <projectId>.localhost, the presence socket over TLS, and plain HTTP on loopback for builds', async () => {
    const certificates = ensureLocalCertificates({ dir: dir() });
    const dataDir = dir();
    const lake = await startLake({
      dataDir,
      tls: { key: certificates.key, cert: certificates.cert },
      httpPort: 0,
      onError: () => {},
    });
    try {
      expect(await handshake(lake.port, 'local.localhost', certificates.ca)).toBe('ok h2');
      const session = http2Connect(`https://local.localhost:${lake.port}`, {
        ca: certificates.ca,
        lookup: loopback as never,
      });
      const status = await new Promise<number>((resolve, reject) => {
        const stream = session.request({ ':path': '/v2025-03-01/ping' });
        stream.on('response', (headers) => resolve(Number(headers[':status'])));
        stream.on('error', reject);
        stream.resume();
      });
      session.close();
      expect(status).toBe(200);

      const token = readFileSync(join(dataDir, 'first-editor.token'), 'utf8').trim();
      const ws = new WebSocket(`wss://local.localhost:${lake.port}/v2022-06-30/socket/production?tag=sanity.studio`, {
        ca: certificates.ca,
        lookup: loopback as never,
      });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      ws.send(
        JSON.stringify({
          jsonrpc: '2.0',
          method: 'authorization',
          params: { authorization: `Bearer ${token}` },
          id: 'a',
        }),
      );
      const reply = await new Promise<string>((resolve) => ws.once('message', (data) => resolve(data.toString())));
      expect(JSON.parse(reply)).toEqual({ jsonrpc: '2.0', id: 'a', result: null });
      ws.close();

      expect(lake.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const plain = await fetch(`${lake.httpUrl}/v2025-02-19/data/query/production?query=1`);
      expect(await plain.json()).toMatchObject({ result: 1 });
    } finally {
      await lake.close();
    }
  });

  it('scripts/lake.ts with LAKE_TLS=1: @sanity/client in a process trusting only our CA reads and writes', async () => {
    const tlsDir = dir();
    const dataDir = dir();
    const child = spawn(process.execPath, ['scripts/lake.ts', '--data-dir', dataDir], {
      env: { ...process.env, LAKE_TLS: '1', LAKE_TLS_DIR: tlsDir, LAKE_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const event = await new Promise<Record<string, string>>((resolve) => {
        createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
          const parsed = JSON.parse(line) as Record<string, string>;
          if (parsed.event === 'listening') resolve(parsed);
        });
      });
      expect(event.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(event.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(event.caPath).toBe(join(tlsDir, 'ca.pem'));
      expect(event.firstEditorTokenFile).toBe(join(dataDir, 'first-editor.token'));
      const script = `
        import { createClient } from '@sanity/client';
        const client = createClient({ projectId: 'local', dataset: 'production', apiVersion: '2025-02-19', useCdn: false,
          apiHost: ${JSON.stringify((event.url ?? '').replace('127.0.0.1', 'localhost'))}, useProjectHostname: false,
          token: ${JSON.stringify(readFileSync(event.firstEditorTokenFile as string, 'utf8').trim())} });
        await client.create({ _id: 'over-tls', _type: 'note' });
        const me = await client.request({ url: '/users/me' });
        console.log(JSON.stringify({ doc: await client.getDocument('over-tls'), me }));
      `;
      const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: event.caPath },
        encoding: 'utf8',
      });
      const { doc, me } = JSON.parse(output) as { doc: { _id: string }; me: { name: string } };
      expect(doc._id).toBe('over-tls');
      expect(me.name).toBe('Editor');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});

describe('scripts/certs.ts', () => {
  it('path prints the CA certificate, making what is missing; status says what there is', () => {
    const tlsDir = dir();
    const run = (command: string, projectId = 'newsroom') =>
      execFileSync(process.execPath, ['scripts/certs.ts', command, '--project-id', projectId], {
        env: { ...process.env, LAKE_TLS_DIR: tlsDir },
        encoding: 'utf8',
      }).trim();
    expect(run('path')).toBe(join(tlsDir, 'ca.pem'));
    const status = JSON.parse(run('status')) as { hosts: string[]; due: { ca: boolean; server: boolean } };
    expect(status.hosts).toContain('newsroom.localhost');
    expect(status.due).toEqual({ ca: false, server: false });
    // A project the server certificate does not cover yet: said, not fixed.
    const other = JSON.parse(run('status', 'other')) as { hosts: string[]; due: { server: boolean } };
    expect(other.due.server).toBe(true);
    expect(other.hosts).not.toContain('other.localhost');
  });

  it('status on a directory with no CA says so and how to make one, and writes nothing there', () => {
    const empty = dir();
    const result = spawnSync(process.execPath, ['scripts/certs.ts', 'status', '--dir', empty], { encoding: 'utf8' });
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 1, stdout: '' });
    expect(result.stderr).toContain(`There is no local CA in ${empty}.`);
    expect(result.stderr).toContain(`node scripts/certs.ts trust --dir '${empty}'`);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('trust: without root and certutil it says exactly what to run; with certutil it fills the NSS databases', () => {
    const caPath = join(dir(), 'ca.pem');
    writeFileSync(caPath, ensureLocalCertificates({ dir: dir() }).ca);
    const home = dir();
    const ran: string[][] = [];
    const context = (programs: string[]): TrustContext => ({
      caPath,
      platform: 'linux',
      isRoot: false,
      home,
      has: (program) => programs.includes(program),
      run: (program, args) => {
        ran.push([program, ...args]);
        return '';
      },
    });
    const bare = trustEverywhere(context(['update-ca-certificates']));
    expect(bare.map((o) => o.status)).toEqual(['manual', 'manual']);
    expect(bare[0]?.detail).toMatch(
      /sudo cp '.*ca\.pem' '\/usr\/local\/share\/ca-certificates\/newsroom-lake-ca-[0-9a-f]{12}\.crt' && sudo update-ca-certificates/,
    );
    expect(bare[1]?.detail).toContain('apt-get install libnss3-tools');
    const withNss = trustEverywhere(context(['certutil']));
    expect(withNss[1]).toMatchObject({ store: `NSS ${join(home, '.pki', 'nssdb')}`, status: 'installed' });
    expect(ran).toContainEqual(['certutil', '-d', `sql:${join(home, '.pki', 'nssdb')}`, '-N', '--empty-password']);
    expect(ran.at(-1)).toEqual(expect.arrayContaining(['-A', '-t', 'C,,', '-i', caPath]));
    const mac = trustEverywhere({ ...context([]), platform: 'darwin' });
    expect(mac[0]?.detail).toContain(
      'sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain',
    );
  });
});
