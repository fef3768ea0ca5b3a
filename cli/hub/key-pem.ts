import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { EC_ALGORITHM } from './x509.ts';

/** A WebCrypto private key as PKCS#8 PEM (what node:tls and the key file want). */
export function privateKeyPem(key: CryptoKey): string {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The signing key back from its PEM file. */
export async function importSigningKey(pem: string): Promise<CryptoKey> {
  const der = createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
  return crypto.subtle.importKey('pkcs8', der, EC_ALGORITHM, false, ['sign']);
}

/** The SPKI (DER) of the public half of a PEM private key, to check it belongs to a certificate. */
export function publicKeySpki(pem: string): Buffer {
  return createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'der' });
}
