// Builds X.509 v3 certificates (RFC 5280) with ECDSA P-256 keys, signed by
// Node's crypto: a local CA limited to loopback names, and server
// certificates it signs. Verified by Node's own X509Certificate and TLS stack
// in tests/lake/tls.test.ts.
import { createHash, type KeyObject, randomBytes, sign } from 'node:crypto';
import { isIP } from 'node:net';
import {
  bitString,
  boolean,
  element,
  explicit,
  implicitConstructed,
  implicitPrimitive,
  namedBits,
  objectId,
  octetString,
  sequence,
  set,
  smallInteger,
  time,
  unsignedInteger,
  utf8String,
} from './der.ts';

const ECDSA_WITH_SHA256 = sequence(objectId('1.2.840.10045.4.3.2'));
const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  subjectKeyId: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  authorityKeyId: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
};
const KEY_USAGE = { digitalSignature: 0, keyCertSign: 5, cRLSign: 6 };

export type CertificateSpec = {
  subject: { commonName: string; organization: string };
  issuer: { commonName: string; organization: string };
  publicKey: KeyObject;
  /** The issuer's key pair: the same as the subject's for the self-signed CA. */
  issuerPublicKey: KeyObject;
  signingKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  /** A CA certificate (may sign others) or a TLS server certificate for `hosts`. */
  kind: { ca: true; permitted: string[] } | { ca: false; hosts: string[] };
};

/** A DER-encoded certificate; `new X509Certificate(der)` reads it back. */
export function buildCertificate(spec: CertificateSpec): Buffer {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01; // positive and never zero, as RFC 5280 asks
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(serial),
    ECDSA_WITH_SHA256,
    name(spec.issuer),
    sequence(time(spec.notBefore), time(spec.notAfter)),
    name(spec.subject),
    spki(spec.publicKey),
    explicit(3, sequence(...extensions(spec))),
  );
  const signature = sign('sha256', tbs, spec.signingKey);
  return sequence(tbs, ECDSA_WITH_SHA256, bitString(signature));
}

export function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function name(parts: { commonName: string; organization: string }): Buffer {
  const rdn = (oid: string, value: string) => set(sequence(objectId(oid), utf8String(value)));
  return sequence(rdn(OID.organization, parts.organization), rdn(OID.commonName, parts.commonName));
}

function spki(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

/** RFC 5280 allows any unique value; a hash of the whole public key info is one. */
function keyId(key: KeyObject): Buffer {
  return createHash('sha1').update(spki(key)).digest();
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return sequence(objectId(oid), ...(critical ? [boolean(true)] : []), octetString(value));
}

function extensions(spec: CertificateSpec): Buffer[] {
  const common = [
    extension(OID.subjectKeyId, false, octetString(keyId(spec.publicKey))),
    extension(OID.authorityKeyId, false, sequence(implicitPrimitive(0, keyId(spec.issuerPublicKey)))),
  ];
  if (spec.kind.ca) {
    return [
      extension(OID.basicConstraints, true, sequence(boolean(true), smallInteger(0))),
      extension(OID.keyUsage, true, namedBits([KEY_USAGE.digitalSignature, KEY_USAGE.keyCertSign, KEY_USAGE.cRLSign])),
      // Trusting a CA whose key sits in a file is only safe if it cannot vouch
      // for real sites: it may sign loopback names and addresses, nothing else.
      extension(OID.nameConstraints, true, sequence(implicitConstructed(0, ...spec.kind.permitted.map(subtree)))),
      ...common,
    ];
  }
  return [
    extension(OID.basicConstraints, true, sequence()),
    extension(OID.keyUsage, true, namedBits([KEY_USAGE.digitalSignature])),
    extension(OID.extKeyUsage, false, sequence(objectId(OID.serverAuth))),
    extension(OID.subjectAltName, false, sequence(...spec.kind.hosts.map(generalName))),
    ...common,
  ];
}

/** A SAN entry: dNSName [2] or iPAddress [7]. */
function generalName(host: string): Buffer {
  const version = isIP(host);
  if (version === 0) return implicitPrimitive(2, Buffer.from(host, 'ascii'));
  return implicitPrimitive(7, ipBytes(host, version));
}

/** A permitted subtree: a DNS suffix, or an address block written `addr/prefix`. */
function subtree(base: string): Buffer {
  const [address = '', prefix] = base.split('/');
  const version = isIP(address);
  if (version === 0) return sequence(implicitPrimitive(2, Buffer.from(base, 'ascii')));
  const bytes = ipBytes(address, version);
  const bits = Number(prefix ?? bytes.length * 8);
  const mask = Buffer.alloc(bytes.length);
  for (let i = 0; i < bits; i++) mask[i >> 3] = (mask[i >> 3] ?? 0) | (0x80 >> (i & 7));
  return sequence(element(0x87, Buffer.concat([bytes, mask])));
}

/** A host as it appears in a certificate: IPv6 addresses fully written out, names lowercased. */
export function normalizeHost(host: string): string {
  const version = isIP(host);
  if (version !== 6) return host.toLowerCase();
  const bytes = ipBytes(host, 6);
  return Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16)).join(':');
}

function ipBytes(address: string, version: number): Buffer {
  if (version === 4) return Buffer.from(address.split('.').map(Number));
  const [head = '', tail = ''] = address.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = address.includes('::') ? groups(tail) : [];
  const middle = new Array(8 - left.length - right.length).fill('0');
  const all = [...left, ...middle, ...right];
  const bytes = Buffer.alloc(16);
  for (const [i, group] of all.entries()) bytes.writeUInt16BE(Number.parseInt(group, 16), i * 2);
  return bytes;
}
