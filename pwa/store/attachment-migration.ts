import { atRestKey, encryptAttachment } from './at-rest-key.ts';
import type { LangsoDb } from './db.ts';
import type { EncryptedAttachmentRow } from './types.ts';

/**
 * Encrypts the photos a phone stored before schema v4, one at a time, after the database opened
 * (WebCrypto cannot run inside Dexie's upgrade transaction). Until a row is done, readers take its
 * plaintext Blob, so nothing is ever unreadable; an interrupted run simply continues next time.
 * Returns how many rows it encrypted.
 */
export async function encryptPlainAttachments(db: LangsoDb): Promise<number> {
  const waiting = await db.attachments.where('atRest').equals('plain').primaryKeys();
  if (waiting.length === 0) return 0;
  const key = await atRestKey(db);
  let done = 0;
  for (const sha256 of waiting) {
    const row = await db.attachments.get(sha256);
    if (!row || row.atRest === 'encrypted' || row.atRest === 'purged') continue;
    const { iv, cipher } = await encryptAttachment(key, sha256, new Uint8Array(await row.blob.arrayBuffer()));
    const encrypted: EncryptedAttachmentRow = { sha256, mime: row.mime, bytes: row.bytes, createdAt: row.createdAt, atRest: 'encrypted', iv, cipher };
    // Replaced only if still the plaintext row read above (a purge may have come in between).
    const replaced = await db.transaction('rw', db.attachments, async () => {
      const now = await db.attachments.get(sha256);
      if (!now || (now.atRest !== undefined && now.atRest !== 'plain')) return false;
      await db.attachments.put(encrypted);
      return true;
    });
    if (replaced) done += 1;
  }
  return done;
}
