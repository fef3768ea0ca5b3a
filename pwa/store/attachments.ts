import { sha256Hex } from '../../shared/sync/canonical.ts';
import type { LangsoDb } from './db.ts';

export interface StoredAttachment {
  readonly sha256: string;
  readonly mime: string;
  readonly bytes: number;
}

/** Stores a Blob under its SHA-256; the same photo twice is stored once. */
export async function putAttachment(db: LangsoDb, blob: Blob, at: string): Promise<StoredAttachment> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const sha256 = await sha256Hex(bytes);
  const mime = blob.type || 'application/octet-stream';
  const existing = await db.attachments.get(sha256);
  if (!existing) await db.attachments.put({ sha256, blob, mime, bytes: bytes.length, createdAt: at });
  return { sha256, mime, bytes: bytes.length };
}

export async function getAttachmentBlob(db: LangsoDb, sha256: string): Promise<Blob | undefined> {
  return (await db.attachments.get(sha256))?.blob;
}
