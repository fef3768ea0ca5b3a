import { ok } from '../domain/result.ts';
import * as v from 'valibot';
import { canonicalJson } from '../sync/canonical.ts';
import { fromBase64url, toBase64url } from './base64url.ts';
import { randomBytes, utf8, type Bytes } from './bytes.ts';
import { sealFailure, type SealResult } from './errors.ts';
import { exportPublicJwk, keyId, type EcAlgorithm } from './jwk.ts';
import { LeadPublicKeysSchema, type EcPublicJwk, type LeadPublicKeys } from '../sync/public-keys.ts';

/**
 * The team lead holds two P-256 key pairs, made by `langso init`: ECDH (batch files are encrypted
 * to it) and ECDSA (receipt files are signed with it). Two pairs, because one key should serve one
 * purpose. Phones hold only the public halves (`LeadPublicKeys`); the laptop keeps the private
 * halves in a key file, wrapped under a passphrase. Each phone makes its own ECDSA pair at
 * enrolment (`DeviceKeys`) and registers the public key; its private key stays non-extractable.
 */
export interface LeadKeys {
  readonly publicKeys: LeadPublicKeys;
  /** Key id of the ECDH key: the `.langso` header names it, so a wrong key is seen before decrypting. */
  readonly encryptionKeyId: string;
  readonly signingKeyId: string;
  readonly decryptionKey: CryptoKey;
  readonly signingKey: CryptoKey;
}

export interface DeviceKeys {
  readonly publicJwk: EcPublicJwk;
  /** What the hub registers at enrolment and what `.langso` imports check. */
  readonly keyId: string;
  readonly privateKey: CryptoKey;
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about 0.15 s on a laptop, done once per unlock. */
export const PBKDF2_ITERATIONS = 600_000;
/** Below this a key file is refused as weak; above the maximum, as a denial of service. */
const MIN_ITERATIONS = 310_000;
const MAX_ITERATIONS = 10_000_000;
export const MIN_PASSPHRASE_LENGTH = 8;

const EC_P256 = { namedCurve: 'P-256' } as const;
const KEY_ROLES = ['encryption', 'signing'] as const;
type KeyRole = (typeof KEY_ROLES)[number];
const ROLE_ALGORITHM: Record<KeyRole, EcAlgorithm> = { encryption: 'ECDH', signing: 'ECDSA' };
const ROLE_USAGES: Record<KeyRole, KeyUsage[]> = { encryption: ['deriveBits'], signing: ['sign'] };

const Base64urlSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]+$/));
const WrappedKeySchema = v.object({ iv: Base64urlSchema, data: Base64urlSchema });

export const LeadKeyFileSchema = v.object({
  format: v.literal('langso-lead-key'),
  version: v.literal(1),
  public: LeadPublicKeysSchema,
  kdf: v.object({
    name: v.literal('PBKDF2'),
    hash: v.literal('SHA-256'),
    iterations: v.pipe(v.number(), v.integer()),
    salt: Base64urlSchema,
  }),
  /** Each private key as PKCS#8, AES-256-GCM-wrapped; the AAD binds it to its role and public keys. */
  wrapped: v.object({ encryption: WrappedKeySchema, signing: WrappedKeySchema }),
});
export type LeadKeyFile = v.InferOutput<typeof LeadKeyFileSchema>;

export async function generateLeadKeys(): Promise<LeadKeys> {
  // Extractable only until locked into a key file; `unlockLeadKeyFile` returns non-extractable keys.
  const ecdh = await crypto.subtle.generateKey({ name: 'ECDH', ...EC_P256 }, true, ['deriveBits']);
  const ecdsa = await crypto.subtle.generateKey({ name: 'ECDSA', ...EC_P256 }, true, ['sign', 'verify']);
  const publicKeys: LeadPublicKeys = {
    format: 'langso-lead-public',
    version: 1,
    encryption: await exportPublicJwk(ecdh.publicKey),
    signing: await exportPublicJwk(ecdsa.publicKey),
  };
  return leadKeys(publicKeys, ecdh.privateKey, ecdsa.privateKey);
}

async function leadKeys(publicKeys: LeadPublicKeys, decryptionKey: CryptoKey, signingKey: CryptoKey): Promise<LeadKeys> {
  return {
    publicKeys,
    encryptionKeyId: await keyId(publicKeys.encryption),
    signingKeyId: await keyId(publicKeys.signing),
    decryptionKey,
    signingKey,
  };
}

/** Passphrases are typed on Vietnamese keyboards that may send NFD: normalise so both unlock. */
function passphraseBytes(passphrase: string): Bytes {
  return utf8(passphrase.normalize('NFC'));
}

async function wrappingKey(passphrase: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

function wrapAad(role: KeyRole, publicKeys: LeadPublicKeys): Bytes {
  return utf8(canonicalJson({ role, public: publicKeys }));
}

export async function lockLeadKeys(
  keys: LeadKeys,
  passphrase: string,
  options: { readonly iterations?: number } = {},
): Promise<SealResult<{ readonly keyFile: LeadKeyFile }>> {
  // UTF-16 units: every Vietnamese letter is one unit in NFC.
  if (passphrase.normalize('NFC').length < MIN_PASSPHRASE_LENGTH) {
    return sealFailure('SEAL_PASSPHRASE_WEAK', { min: MIN_PASSPHRASE_LENGTH });
  }
  const iterations = Math.max(options.iterations ?? PBKDF2_ITERATIONS, MIN_ITERATIONS);
  const salt = randomBytes(16);
  const kek = await wrappingKey(passphrase, salt, iterations);
  const wrap = async (role: KeyRole, key: CryptoKey) => {
    const iv = randomBytes(12);
    const data = await crypto.subtle.wrapKey('pkcs8', key, kek, {
      name: 'AES-GCM',
      iv,
      additionalData: wrapAad(role, keys.publicKeys),
    });
    return { iv: toBase64url(iv), data: toBase64url(new Uint8Array(data)) };
  };
  const keyFile: LeadKeyFile = {
    format: 'langso-lead-key',
    version: 1,
    public: keys.publicKeys,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64url(salt) },
    wrapped: { encryption: await wrap('encryption', keys.decryptionKey), signing: await wrap('signing', keys.signingKey) },
  };
  return ok({ keyFile });
}

/**
 * Opens a key file read from disk (any JSON value). A wrong passphrase and a key file whose public
 * part was edited both fail the AES-GCM tag, so both answer SEAL_PASSPHRASE.
 */
export async function unlockLeadKeyFile(
  file: unknown,
  passphrase: string,
): Promise<SealResult<{ readonly keys: LeadKeys }, 'SEAL_KEY_FILE_INVALID' | 'SEAL_PASSPHRASE'>> {
  const parsed = v.safeParse(LeadKeyFileSchema, file);
  if (!parsed.success) {
    return sealFailure('SEAL_KEY_FILE_INVALID', { reason: v.getDotPath(parsed.issues[0]) ?? 'format' });
  }
  const { kdf, wrapped } = parsed.output;
  const salt = fromBase64url(kdf.salt);
  if (!salt || salt.length < 16) return sealFailure('SEAL_KEY_FILE_INVALID', { reason: 'kdf.salt' });
  if (kdf.iterations < MIN_ITERATIONS || kdf.iterations > MAX_ITERATIONS) {
    return sealFailure('SEAL_KEY_FILE_INVALID', { reason: 'kdf.iterations' });
  }
  const kek = await wrappingKey(passphrase, salt, kdf.iterations);
  const unwrapped: Partial<Record<KeyRole, CryptoKey>> = {};
  for (const role of KEY_ROLES) {
    const iv = fromBase64url(wrapped[role].iv);
    const data = fromBase64url(wrapped[role].data);
    if (!iv || iv.length !== 12 || !data) return sealFailure('SEAL_KEY_FILE_INVALID', { reason: `wrapped.${role}` });
    try {
      unwrapped[role] = await crypto.subtle.unwrapKey(
        'pkcs8',
        data,
        kek,
        { name: 'AES-GCM', iv, additionalData: wrapAad(role, parsed.output.public) },
        { name: ROLE_ALGORITHM[role], ...EC_P256 },
        false,
        ROLE_USAGES[role],
      );
    } catch {
      return sealFailure('SEAL_PASSPHRASE');
    }
  }
  if (!unwrapped.encryption || !unwrapped.signing) return sealFailure('SEAL_PASSPHRASE');
  return ok({ keys: await leadKeys(parsed.output.public, unwrapped.encryption, unwrapped.signing) });
}

/**
 * A phone's signing key pair. Non-extractable by default: the PWA stores the CryptoKey itself in
 * IndexedDB, so the private key never exists as bytes a script could read.
 */
export async function generateDeviceKeys(options: { readonly extractable?: boolean } = {}): Promise<DeviceKeys> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', ...EC_P256 }, options.extractable ?? false, [
    'sign',
    'verify',
  ]);
  const publicJwk = await exportPublicJwk(pair.publicKey);
  return { publicJwk, keyId: await keyId(publicJwk), privateKey: pair.privateKey };
}
