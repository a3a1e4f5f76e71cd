// The lake's certificates one at a time: a certificate with its private key,
// read back from PEM files or made fresh — the local CA (self-signed, allowed to
// sign loopback names only) or a server certificate it signs. When to make one
// is local-certificates.ts's concern.
import { createPrivateKey, generateKeyPairSync, type KeyObject, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { buildCertificate, normalizeHost, toPem } from './x509.ts';

export const DAY = 24 * 60 * 60 * 1000;
/** Ten years: replacing the CA means trusting it again. */
const CA_LIFETIME = 3650 * DAY;
/** The longest life browsers accept for a server certificate (Apple's and Chrome's limit). */
const SERVER_LIFETIME = 397 * DAY;
const ORGANIZATION = 'Newsroom lake (local development)';
/** What the CA may sign: loopback names and addresses only (see x509.ts). */
const PERMITTED = ['localhost', '127.0.0.0/8', '::1/128'];

/** A certificate with its private key, also as PEM to write out or hand to the server. */
export type Pair = { cert: X509Certificate; key: KeyObject; keyPem: string };

/** The certificate and key at these paths, or undefined when either is missing, unreadable or not the other's. */
export function readPair(certPath: string, keyPath: string): Pair | undefined {
  if (!existsSync(certPath) || !existsSync(keyPath)) return undefined;
  try {
    const keyPem = readFileSync(keyPath, 'utf8');
    const cert = new X509Certificate(readFileSync(certPath));
    const key = createPrivateKey(keyPem);
    return cert.checkPrivateKey(key) ? { cert, key, keyPem } : undefined;
  } catch {
    // Unreadable or corrupt files are replaced, not fatal.
    return undefined;
  }
}

function newKeys() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { publicKey, privateKey, keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** A new self-signed CA, named for the day it was made, that may sign only loopback names. */
export function createCa(now: Date): Pair {
  const keys = newKeys();
  const subject = {
    commonName: `Newsroom lake local CA ${now.toISOString().slice(0, 10)}`,
    organization: ORGANIZATION,
  };
  const der = buildCertificate({
    subject,
    issuer: subject,
    publicKey: keys.publicKey,
    issuerPublicKey: keys.publicKey,
    signingKey: keys.privateKey,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + CA_LIFETIME),
    kind: { ca: true, permitted: PERMITTED },
  });
  return { cert: new X509Certificate(toPem(der)), key: keys.privateKey, keyPem: keys.keyPem };
}

/** A new server certificate for `hosts` (the first is its common name), signed by `ca`. */
export function createServer(ca: Pair, hosts: string[], now: Date): Pair {
  const keys = newKeys();
  const der = buildCertificate({
    subject: { commonName: hosts[0] ?? 'localhost', organization: ORGANIZATION },
    issuer: { commonName: subjectCommonName(ca.cert), organization: ORGANIZATION },
    publicKey: keys.publicKey,
    issuerPublicKey: ca.cert.publicKey,
    signingKey: ca.key,
    // Backdated a day so a clock that is slightly behind still accepts it.
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + SERVER_LIFETIME),
    kind: { ca: false, hosts },
  });
  return { cert: new X509Certificate(toPem(der)), key: keys.privateKey, keyPem: keys.keyPem };
}

function subjectCommonName(cert: X509Certificate): string {
  return /CN=([^\n]+)/.exec(cert.subject)?.[1] ?? 'Newsroom lake local CA';
}

/** The SAN entries of a certificate, normalised as `normalizeHost` does. */
export function hostsOf(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '')
    .split(', ')
    .flatMap((entry) => {
      const [kind, value] = entry.split(/:(.*)/s);
      if (!value) return [];
      return kind === 'DNS' || kind === 'IP Address' ? [normalizeHost(value)] : [];
    })
    .filter(Boolean);
}
