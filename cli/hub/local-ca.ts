import { join } from 'node:path';
import { importSigningKey, privateKeyPem, publicKeySpki } from './key-pem.ts';
import { ensurePrivateDir, readPem, writePem } from './pem-files.ts';
import { EC_ALGORITHM, newKeyPair, randomSerial, x509 } from './x509.ts';

export const HUB_CA_DIR = 'hub-ca';
export const CA_CERT_FILE = 'ca.pem';
export const CA_KEY_FILE = 'ca-key.pem';

const DAY_MS = 86_400_000;
/** Phones trust the CA once; it outlives many server certificates. */
const CA_VALIDITY_DAYS = 3_650;
/** A CA this close to its end is replaced before a phone starts refusing the hub. */
const CA_RENEW_BEFORE_DAYS = 400;

/** The team's own certificate authority, which each phone trusts once (docs/PROTOCOL.md). */
export interface LocalCa {
  readonly cert: x509.X509Certificate;
  readonly certPem: string;
  /** DER bytes: what a phone downloads and installs (`.crt`). */
  readonly certDer: Uint8Array;
  readonly signingKey: CryptoKey;
  /** True when this start made it (phones must install it again). */
  readonly created: boolean;
}

export function caName(teamName: string): string {
  return `Langso ${teamName} local CA`;
}

/**
 * Loads `<workspace>/hub-ca/ca.pem` and its key (0600), or makes them once: ECDSA P-256, a CA
 * that may sign servers only (pathLength 0), named after the team. A key that does not match
 * its certificate, or a CA near its end, is replaced rather than half-trusted.
 */
export async function ensureLocalCa(workspaceDir: string, teamName: string, now: Date): Promise<LocalCa> {
  const dir = join(workspaceDir, HUB_CA_DIR);
  ensurePrivateDir(dir);
  const certPath = join(dir, CA_CERT_FILE);
  const keyPath = join(dir, CA_KEY_FILE);
  const certPem = readPem(certPath);
  const keyPem = readPem(keyPath);
  if (certPem !== undefined && keyPem !== undefined) {
    const existing = await usableCa(certPem, keyPem, now);
    if (existing) return existing;
  }

  const keys = await newKeyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: [{ CN: [caName(teamName)] }, { O: ['Langso'] }],
    notBefore: new Date(now.getTime() - 3_600_000),
    notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
    keys,
    signingAlgorithm: EC_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  // The key first: a crash between the two leaves a key without a certificate, which is remade.
  await writePem(keyPath, privateKeyPem(keys.privateKey), 0o600);
  const pem = `${cert.toString('pem').trimEnd()}\n`;
  await writePem(certPath, pem, 0o644);
  return { cert, certPem: pem, certDer: new Uint8Array(cert.rawData), signingKey: keys.privateKey, created: true };
}

async function usableCa(certPem: string, keyPem: string, now: Date): Promise<LocalCa | undefined> {
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(certPem);
    if (!publicKeySpki(keyPem).equals(Buffer.from(cert.publicKey.rawData))) return undefined;
  } catch {
    return undefined;
  }
  const isCa = cert.getExtension(x509.BasicConstraintsExtension)?.ca === true;
  if (!isCa || cert.notAfter.getTime() - now.getTime() < CA_RENEW_BEFORE_DAYS * DAY_MS) return undefined;
  return {
    cert,
    certPem,
    certDer: new Uint8Array(cert.rawData),
    signingKey: await importSigningKey(keyPem),
    created: false,
  };
}
