// @peculiar/x509 reads its ASN.1 schemas through decorators that need reflect-metadata loaded
// first, and signs with whatever WebCrypto it is given: Node's own here.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };

/** ECDSA P-256 with SHA-256: small keys a low-end phone checks fast, accepted by every browser. */
export const EC_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export async function newKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(EC_ALGORITHM, true, ['sign', 'verify']);
}

/** 16 random bytes as a positive hex serial (RFC 5280 §4.1.2.2: at most 20 octets, positive). */
export function randomSerial(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return Buffer.from(bytes).toString('hex');
}
