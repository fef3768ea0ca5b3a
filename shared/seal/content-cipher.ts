import { fromBase64url } from './base64url.ts';
import { randomBytes, utf8, type Bytes } from './bytes.ts';
import { chunkAad, chunkNonce } from './format.ts';

/**
 * The per-file content key: ephemeral-static ECDH P-256 → HKDF-SHA-256 → an AES-256-GCM key and a
 * 96-bit nonce base. A fresh ephemeral key and salt per file means a fresh key per file, so
 * counter nonces never repeat under one key.
 */
const INFO = utf8('langso-seal/1 content key');
const EC_P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;

export interface ContentCipher {
  seal(index: number, final: boolean, plain: Bytes): Promise<Bytes>;
  /** The plaintext, or undefined when the tag does not verify (damage, wrong place, wrong file). */
  open(index: number, final: boolean, cipher: Bytes): Promise<Bytes | undefined>;
}

async function cipherFrom(sharedSecret: ArrayBuffer, salt: Bytes, headHash: Bytes): Promise<ContentCipher> {
  const ikm = await crypto.subtle.importKey('raw', sharedSecret, 'HKDF', false, ['deriveBits']);
  const okm = new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info: INFO }, ikm, 44 * 8));
  const key = await crypto.subtle.importKey('raw', okm.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const nonceBase = okm.slice(32);
  const params = (index: number, final: boolean): AesGcmParams => ({
    name: 'AES-GCM',
    iv: chunkNonce(nonceBase, index),
    additionalData: chunkAad(headHash, index, final),
  });
  return {
    async seal(index, final, plain) {
      return new Uint8Array(await crypto.subtle.encrypt(params(index, final), key, plain));
    },
    async open(index, final, cipher) {
      try {
        return new Uint8Array(await crypto.subtle.decrypt(params(index, final), key, cipher));
      } catch {
        return undefined;
      }
    },
  };
}

export interface SenderSecret {
  /** Raw ephemeral public key and salt, for the header. */
  readonly ephemeralKey: Bytes;
  readonly salt: Bytes;
  /** Needs the header digest, which needs the two values above: hence two steps. */
  cipher(headHash: Bytes): Promise<ContentCipher>;
}

export async function senderSecret(recipientPublicKey: CryptoKey): Promise<SenderSecret> {
  const ephemeral = await crypto.subtle.generateKey(EC_P256, false, ['deriveBits']);
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: recipientPublicKey }, ephemeral.privateKey, 256);
  const ephemeralKey = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const salt = randomBytes(32);
  return { ephemeralKey, salt, cipher: (headHash) => cipherFrom(shared, salt, headHash) };
}

/** The recipient's side; undefined when the header's ephemeral key is not a valid P-256 point. */
export async function recipientCipher(
  decryptionKey: CryptoKey,
  header: { readonly ephemeralKey: string; readonly salt: string },
  headHash: Bytes,
): Promise<ContentCipher | undefined> {
  const raw = fromBase64url(header.ephemeralKey);
  const salt = fromBase64url(header.salt);
  if (!raw || !salt) return undefined;
  try {
    const ephemeral = await crypto.subtle.importKey('raw', raw, EC_P256, false, []);
    const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: ephemeral }, decryptionKey, 256);
    return await cipherFrom(shared, salt, headHash);
  } catch {
    return undefined;
  }
}
