import { sha256Hex } from '../../shared/sync/canonical.ts';
import { atRestKey, decryptAttachment, encryptAttachment } from './at-rest-key.ts';
import type { LangsoDb } from './db.ts';
import type { AttachmentRow, EncryptedAttachmentRow } from './types.ts';

export interface StoredAttachment {
  readonly sha256: string;
  readonly mime: string;
  readonly bytes: number;
}

/**
 * Stores a Blob under the SHA-256 of its bytes, encrypted at rest (at-rest-key.ts); the same
 * photo twice is stored once. Content addressing stays by the plaintext's hash, so the server,
 * the lead and every record name the photo the same way.
 */
export async function putAttachment(db: LangsoDb, blob: Blob, at: string): Promise<StoredAttachment> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const sha256 = await sha256Hex(bytes);
  const mime = blob.type || 'application/octet-stream';
  await storeAttachmentBytes(db, { sha256, bytes, mime, at });
  return { sha256, mime, bytes: bytes.length };
}

/**
 * Encrypts and stores bytes under a hash the caller has computed. A row that still holds the
 * bytes is kept as it is; a purged one gets them back (the same photo taken again).
 */
export async function storeAttachmentBytes(
  db: LangsoDb,
  item: { readonly sha256: string; readonly bytes: Uint8Array<ArrayBuffer>; readonly mime: string; readonly at: string },
): Promise<void> {
  const existing = await db.attachments.get(item.sha256);
  if (existing && existing.atRest !== 'purged') return;
  const { iv, cipher } = await encryptAttachment(await atRestKey(db), item.sha256, item.bytes);
  const row: EncryptedAttachmentRow = {
    sha256: item.sha256,
    mime: item.mime,
    bytes: item.bytes.length,
    createdAt: existing?.createdAt ?? item.at,
    atRest: 'encrypted',
    iv,
    cipher,
  };
  await db.attachments.put(row);
}

/** The plaintext of a stored row, or undefined when it was purged or does not open. */
export async function rowBytes(db: LangsoDb, row: AttachmentRow): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (row.atRest === 'purged') return undefined;
  if (row.atRest === 'encrypted') return decryptAttachment(await atRestKey(db), row);
  return new Uint8Array(await row.blob.arrayBuffer());
}

/** The plaintext bytes (for upload and for batch files), or undefined if the phone has none. */
export async function readAttachmentBytes(db: LangsoDb, sha256: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const row = await db.attachments.get(sha256);
  return row ? rowBytes(db, row) : undefined;
}

export type AttachmentView =
  | { readonly kind: 'photo'; readonly blob: Blob }
  /** Sent, receipted and deleted from the phone: the screens say so instead of showing it. */
  | { readonly kind: 'purged'; readonly purgedAt: string }
  | { readonly kind: 'missing' };

/** What a screen can show of a stored photo, decrypted into a Blob of its own type. */
export async function readAttachmentView(db: LangsoDb, sha256: string): Promise<AttachmentView> {
  const row = await db.attachments.get(sha256);
  if (!row) return { kind: 'missing' };
  if (row.atRest === 'purged') return { kind: 'purged', purgedAt: row.purgedAt };
  const bytes = await rowBytes(db, row);
  return bytes ? { kind: 'photo', blob: new Blob([bytes], { type: row.mime }) } : { kind: 'missing' };
}
