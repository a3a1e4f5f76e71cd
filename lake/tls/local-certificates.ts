// The lake's local certificate authority and its server certificate, made on
// first use and reused after: the CA once per user (so trusting it is a
// one-time step), the server certificate renewed well before it expires or
// when it lacks a host name the lake now needs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCa, createServer, DAY, hostsOf, type Pair, readPair } from './certificate-pair.ts';
import { withDirectoryLock, writeFileAtomic } from './file-lock.ts';
import { normalizeHost } from './x509.ts';

const CA_RENEW_BEFORE = 60 * DAY;
const SERVER_RENEW_BEFORE = 30 * DAY;

export const TLS_FILES = {
  caCert: 'ca.pem',
  caKey: 'ca-key.pem',
  serverCert: 'server.pem',
  serverKey: 'server-key.pem',
} as const;

/** The names the Studio-facing lake answers on: images on localhost, the API on `<projectId>.localhost`. */
export function loopbackHosts(projectIds: string[] = ['local']): string[] {
  return ['localhost', '*.localhost', ...projectIds.map((id) => `${id}.localhost`), '127.0.0.1', '::1'];
}

export type LocalCertificatesOptions = {
  /** Where the CA and server certificate live (see `defaultTlsDir`). Created with mode 0700. */
  dir: string;
  /** Host names and IP addresses the server certificate must cover. Default: `loopbackHosts()`. */
  hosts?: string[];
  /** For tests: the current time. */
  now?: Date;
};

export type LocalCertificates = {
  dir: string;
  caCertPath: string;
  /** PEM, for `startLake({tls: {key, cert}})`. */
  key: string;
  cert: string;
  ca: string;
  caExpires: Date;
  serverExpires: Date;
  hosts: string[];
  /** What this call had to make: a new CA must be trusted again (`node scripts/certs.ts trust`). */
  created: { ca: boolean; server: boolean };
};

/** Reads the CA and server certificate from `dir`, creating or renewing what is missing or due. */
export function ensureLocalCertificates(options: LocalCertificatesOptions): LocalCertificates {
  const now = options.now ?? new Date();
  const wanted = options.hosts ?? loopbackHosts();
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  return withDirectoryLock(options.dir, () => {
    const path = (name: keyof typeof TLS_FILES) => join(options.dir, TLS_FILES[name]);
    let ca = readPair(path('caCert'), path('caKey'));
    const caCreated = caDue(ca, now);
    if (caCreated) {
      ca = createCa(now);
      writeFileAtomic(path('caKey'), ca.keyPem, 0o600);
      writeFileAtomic(path('caCert'), ca.cert.toString(), 0o644);
    }
    const authority = ca as Pair;
    let server = readPair(path('serverCert'), path('serverKey'));
    const stale = caCreated || serverDue(server, authority, wanted, now);
    if (stale) {
      // Keep names an earlier run needed (another project id), so two projects do not take turns.
      const hosts = [...new Set([...wanted, ...(server && !caCreated ? hostsOf(server.cert) : [])])];
      server = createServer(authority, hosts, now);
      writeFileAtomic(path('serverKey'), server.keyPem, 0o600);
      writeFileAtomic(path('serverCert'), server.cert.toString(), 0o644);
    }
    const leaf = server as Pair;
    return {
      dir: options.dir,
      caCertPath: path('caCert'),
      key: leaf.keyPem,
      cert: leaf.cert.toString(),
      ca: authority.cert.toString(),
      caExpires: authority.cert.validToDate,
      serverExpires: leaf.cert.validToDate,
      hosts: hostsOf(leaf.cert),
      created: { ca: caCreated, server: stale },
    };
  });
}

export type CertificateStatus = {
  dir: string;
  caCertPath: string;
  caExpires: Date;
  /** Undefined when there is no usable server certificate yet. */
  serverExpires?: Date;
  hosts: string[];
  /** What the next `ensureLocalCertificates` would make: a new CA must be trusted again. */
  due: { ca: boolean; server: boolean };
};

/**
 * What `dir` holds, read without making, renewing or locking anything (a
 * status check must not leave a CA nobody asked for); undefined when there
 * is no usable CA.
 */
export function readLocalCertificates(options: LocalCertificatesOptions): CertificateStatus | undefined {
  const now = options.now ?? new Date();
  const path = (name: keyof typeof TLS_FILES) => join(options.dir, TLS_FILES[name]);
  const ca = readPair(path('caCert'), path('caKey'));
  if (!ca) return undefined;
  const server = readPair(path('serverCert'), path('serverKey'));
  const caRenewal = caDue(ca, now);
  return {
    dir: options.dir,
    caCertPath: path('caCert'),
    caExpires: ca.cert.validToDate,
    serverExpires: server?.cert.validToDate,
    hosts: server ? hostsOf(server.cert) : [],
    due: { ca: caRenewal, server: caRenewal || serverDue(server, ca, options.hosts ?? loopbackHosts(), now) },
  };
}

/** Whether the CA is missing or close enough to expiry to be replaced. */
function caDue(ca: Pair | undefined, now: Date): boolean {
  return !ca || ca.cert.validToDate.getTime() - now.getTime() < CA_RENEW_BEFORE;
}

/** Whether the server certificate is missing, not `ca`'s, close to expiry or lacking a wanted host. */
function serverDue(server: Pair | undefined, ca: Pair, wanted: string[], now: Date): boolean {
  if (!server) return true;
  const covered = new Set(hostsOf(server.cert));
  return (
    !server.cert.checkIssued(ca.cert) ||
    !server.cert.verify(ca.cert.publicKey) ||
    server.cert.validToDate.getTime() - now.getTime() < SERVER_RENEW_BEFORE ||
    wanted.some((host) => !covered.has(normalizeHost(host)))
  );
}
