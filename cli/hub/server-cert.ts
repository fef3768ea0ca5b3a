import { join } from 'node:path';
import type { TlsIdentity } from '../protocol-server/listen.ts';
import { newKeyPair, randomSerial, x509, EC_ALGORITHM } from './x509.ts';
import { privateKeyPem, publicKeySpki } from './key-pem.ts';
import { HUB_CA_DIR, type LocalCa } from './local-ca.ts';
import { readPem, writePem } from './pem-files.ts';

export const SERVER_CERT_FILE = 'server.pem';
export const SERVER_KEY_FILE = 'server-key.pem';

const DAY_MS = 86_400_000;
/**
 * Browsers refuse server certificates valid for more than 398 days (CA/B Forum baseline, Apple
 * and Chrome policy); 395 days plus the hour of back-dating stays under 397.
 */
const SERVER_VALIDITY_DAYS = 395;
const SERVER_RENEW_BEFORE_DAYS = 30;

/** What the hub is reached by: its LAN addresses and names. */
export interface HubNames {
  readonly ips: readonly string[];
  readonly dns: readonly string[];
}

export interface ServerIdentity extends TlsIdentity {
  /** True when this start issued it (the addresses changed, or it was near its end). */
  readonly renewed: boolean;
}

/**
 * The hub's server certificate, signed by the team's CA for exactly these addresses and names
 * (subjectAltName; browsers ignore the CN), serverAuth only. Issued again when the set of
 * addresses changes (another Wi-Fi), when it nears its end, or when the CA is new.
 */
export async function ensureServerCert(
  workspaceDir: string,
  ca: LocalCa,
  names: HubNames,
  now: Date,
): Promise<ServerIdentity> {
  const dir = join(workspaceDir, HUB_CA_DIR);
  const certPath = join(dir, SERVER_CERT_FILE);
  const keyPath = join(dir, SERVER_KEY_FILE);
  const certPem = readPem(certPath);
  const keyPem = readPem(keyPath);
  if (certPem !== undefined && keyPem !== undefined && (await stillGood(certPem, keyPem, ca, names, now))) {
    return { cert: certPem, key: keyPem, renewed: false };
  }

  const keys = await newKeyPair();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: [{ CN: [names.dns[0] ?? names.ips[0] ?? 'langso-hub'] }, { O: ['Langso'] }],
    issuer: ca.cert.subjectName.toJSON(),
    notBefore: new Date(now.getTime() - 3_600_000),
    notAfter: new Date(now.getTime() + SERVER_VALIDITY_DAYS * DAY_MS),
    signingKey: ca.signingKey,
    publicKey: keys.publicKey,
    signingAlgorithm: EC_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(sanOf(names)),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert.publicKey),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const key = privateKeyPem(keys.privateKey);
  const pem = `${cert.toString('pem').trimEnd()}\n`;
  await writePem(keyPath, key, 0o600);
  await writePem(certPath, pem, 0o600);
  return { cert: pem, key, renewed: true };
}

function sanOf(names: HubNames): x509.JsonGeneralNames {
  return [
    ...names.ips.map((value) => ({ type: 'ip' as const, value })),
    ...names.dns.map((value) => ({ type: 'dns' as const, value })),
  ];
}

/** `ip:…`/`dns:…`, sorted: two certificates for the same names compare equal. */
export function nameSet(names: x509.JsonGeneralNames): string {
  return names
    .map((name) => `${name.type}:${name.value.toLowerCase()}`)
    .sort()
    .join(',');
}

async function stillGood(certPem: string, keyPem: string, ca: LocalCa, names: HubNames, now: Date): Promise<boolean> {
  try {
    const cert = new x509.X509Certificate(certPem);
    if (!publicKeySpki(keyPem).equals(Buffer.from(cert.publicKey.rawData))) return false;
    if (!(await cert.verify({ publicKey: ca.cert.publicKey, signatureOnly: true }))) return false;
    if (cert.notBefore.getTime() > now.getTime()) return false;
    if (cert.notAfter.getTime() - now.getTime() < SERVER_RENEW_BEFORE_DAYS * DAY_MS) return false;
    const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
    return san !== null && nameSet(san.names.toJSON()) === nameSet(sanOf(names));
  } catch {
    return false;
  }
}
