import * as v from 'valibot';
import { canonicalJson, toHex } from '../sync/canonical.ts';
import { sha256, utf8 } from './bytes.ts';
import { EcPublicJwkSchema, type EcPublicJwk } from '../sync/public-keys.ts';

export type EcAlgorithm = 'ECDH' | 'ECDSA';

export async function exportPublicJwk(key: CryptoKey): Promise<EcPublicJwk> {
  return v.parse(EcPublicJwkSchema, await crypto.subtle.exportKey('jwk', key));
}

/** Imports a public key for ECDH (no usages: it is only ever the `public` of a derivation) or ECDSA. */
export function importPublicJwk(jwk: EcPublicJwk, algorithm: EcAlgorithm): Promise<CryptoKey> {
  const usages: KeyUsage[] = algorithm === 'ECDSA' ? ['verify'] : [];
  return crypto.subtle.importKey(
    'jwk',
    { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y },
    { name: algorithm, namedCurve: 'P-256' },
    true,
    usages,
  );
}

/**
 * The key id: the RFC 7638 JWK thumbprint (SHA-256 of the canonical JSON of crv, kty, x, y), in
 * hex. The same key gives the same id on every device whatever the member order of its JWK.
 */
export async function keyId(jwk: EcPublicJwk): Promise<string> {
  const members = { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  return toHex(await sha256(utf8(canonicalJson(members))));
}

/** What a person compares by eye (enrolment screen, `langso devices`): 64 bits in 4 groups. */
export function shortFingerprint(id: string): string {
  return (id.slice(0, 16).toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
