import * as v from 'valibot';
import { RECORD_TYPES, Sha256Schema, UuidV7Schema } from '../domain/records.ts';
import { MAX_ATTACHMENT_BYTES } from '../sync/protocol.ts';
import { concatBytes, sha256, u32be, utf8, type Bytes } from './bytes.ts';
import { EcPublicJwkSchema } from '../sync/public-keys.ts';

/**
 * The `.langso` file, format version 1 (docs/PROTOCOL.md):
 *
 *   MAGIC (8) | version u16 | header length u32 | header JSON | SHA-256 of all before (32)
 *   chunk 0 | chunk 1 | … | chunk n-1          AES-256-GCM, ciphertext + 16-byte tag each
 *   signature (64) | END_MARKER (8)
 *
 * In clear: only the magic, the version and the header, which names the recipient's key id, the
 * ephemeral ECDH public key, the HKDF salt and the chunk size. The header digest lets a damaged
 * header read as damage rather than as "sealed for another key".
 *
 * The plaintext is a stream of entries — records, attachments, then the manifest last — cut into
 * chunks of `chunkSize` bytes (an attachment may span chunks). Every chunk but the last is
 * exactly `chunkSize + 16` bytes of ciphertext; the last is shorter or equal and non-empty. Chunk
 * i is sealed with nonce = nonceBase XOR i and AAD = headHash | i | final flag, so a chunk moved,
 * dropped, repeated, taken from another file, or a file cut at a chunk boundary fails to open.
 *
 * The device signs (ECDSA P-256) a statement over the header digest, the chunk count and a hash
 * chain over every ciphertext chunk (WebCrypto has no incremental SHA-256, so a chain of per-chunk
 * digests stands in for one hash of the whole). The chunk hashes are bound by that signature
 * rather than listed in the manifest, because the manifest itself travels in the last chunks.
 * The device's public key and id are inside the encrypted manifest, so a found file does not say
 * whose phone it came from.
 */
export const MAGIC: Bytes = Uint8Array.of(0x89, 0x4c, 0x41, 0x4e, 0x47, 0x53, 0x4f, 0x0a); // \x89LANGSO\n
export const FORMAT_VERSION = 1;
export const PREAMBLE_BYTES = MAGIC.length + 2 + 4;
export const MAX_HEADER_BYTES = 4096;
export const DIGEST_BYTES = 32;
export const TAG_BYTES = 16;
export const SIGNATURE_BYTES = 64;
export const END_MARKER: Bytes = utf8('\nLSO-END');
export const TRAILER_BYTES = SIGNATURE_BYTES + END_MARKER.length;

export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
export const MIN_CHUNK_SIZE = 1024;
export const MAX_CHUNK_SIZE = 8 * 1024 * 1024;

export const ENTRY_KIND = { record: 1, attachment: 2, manifest: 3 } as const;
export type EntryKind = keyof typeof ENTRY_KIND;
/** Entry framing: kind u8 | length u32, then for an attachment its SHA-256 (32), then the bytes. */
export const ENTRY_HEAD_BYTES = 5;
export const MAX_ENTRY_BYTES: Record<EntryKind, number> = {
  record: 4 * 1024 * 1024,
  attachment: MAX_ATTACHMENT_BYTES,
  manifest: 64 * 1024 * 1024,
};

const base64urlOf = (length: number) => v.pipe(v.string(), v.regex(new RegExp(`^[A-Za-z0-9_-]{${length}}$`)));

export const HeaderSchema = v.strictObject({
  recipientKeyId: Sha256Schema,
  /** The sender's ephemeral ECDH P-256 public key, raw uncompressed point (65 bytes). */
  ephemeralKey: base64urlOf(87),
  /** HKDF salt (32 bytes). */
  salt: base64urlOf(43),
  chunkSize: v.pipe(v.number(), v.integer(), v.minValue(MIN_CHUNK_SIZE), v.maxValue(MAX_CHUNK_SIZE)),
});
export type Header = v.InferOutput<typeof HeaderSchema>;

export const ManifestRecordSchema = v.object({
  id: UuidV7Schema,
  rev: v.pipe(v.number(), v.integer(), v.minValue(1)),
  type: v.picklist(RECORD_TYPES),
  /** SHA-256 of the record's entry bytes (the canonical JSON of its wire form). */
  sha256: Sha256Schema,
});
export type ManifestRecord = v.InferOutput<typeof ManifestRecordSchema>;

export const ManifestAttachmentSchema = v.object({
  sha256: Sha256Schema,
  bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type ManifestAttachment = v.InferOutput<typeof ManifestAttachmentSchema>;

export const ManifestSchema = v.object({
  format: v.literal(FORMAT_VERSION),
  /** UUIDv7 made when sealing: an import remembers it, so the same file twice changes nothing. */
  fileId: UuidV7Schema,
  teamId: v.pipe(v.string(), v.minLength(1)),
  deviceId: v.pipe(v.string(), v.minLength(1)),
  devicePublicKey: EcPublicJwkSchema,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  /** In file order; the counts are the lengths. */
  records: v.array(ManifestRecordSchema),
  attachments: v.array(ManifestAttachmentSchema),
});
export type Manifest = v.InferOutput<typeof ManifestSchema>;

/** The clear head of a file: preamble, header JSON, digest. Its digest is `headHash`. */
export async function encodeHead(header: Header): Promise<{ readonly bytes: Bytes; readonly headHash: Bytes }> {
  const json = utf8(JSON.stringify(header));
  const version = new Uint8Array(2);
  new DataView(version.buffer).setUint16(0, FORMAT_VERSION);
  const covered = concatBytes([MAGIC, version, u32be(json.length), json]);
  const headHash = await sha256(covered);
  return { bytes: concatBytes([covered, headHash]), headHash };
}

export function chunkAad(headHash: Bytes, index: number, final: boolean): Bytes {
  return concatBytes([headHash, u32be(index), Uint8Array.of(final ? 1 : 0)]);
}

export function chunkNonce(nonceBase: Bytes, index: number): Bytes {
  const nonce = nonceBase.slice();
  const counter = u32be(index);
  for (let i = 0; i < 4; i += 1) nonce[8 + i] = (nonce[8 + i] ?? 0) ^ (counter[i] ?? 0);
  return nonce;
}

/** chain₀ = headHash; chainᵢ₊₁ = SHA-256(chainᵢ | SHA-256(cipherᵢ)). */
export async function nextChain(chain: Bytes, cipherHash: Bytes): Promise<Bytes> {
  return sha256(concatBytes([chain, cipherHash]));
}

const STATEMENT_LABEL = utf8('langso-seal/1 signature\0');

/** What the device signs. */
export function signedStatement(headHash: Bytes, chain: Bytes, chunkCount: number): Bytes {
  return concatBytes([STATEMENT_LABEL, headHash, chain, u32be(chunkCount)]);
}
