import type { LangsoDb } from './db.ts';
import type { PurgedAttachmentRow } from './types.ts';

/**
 * Photos are the strictest data we hold (Decree 356/2025): once every record that needs one has
 * its accepted/duplicate receipt, the province (or the lead) holds it and the phone deletes the
 * bytes. "Needs" is read from the outbox: exactly the (id, rev) pairs without such a receipt,
 * pending or quarantined. The row stays, with its hash and a purge time, so the screens can say
 * the photo was sent and deleted, and a later rev naming the same hash still syncs (the server
 * already has it). Runs inside the caller's transaction, which must cover outbox and attachments.
 */
export async function purgeSentAttachments(db: LangsoDb, candidates: Iterable<string>, at: string): Promise<void> {
  for (const sha256 of new Set(candidates)) {
    if ((await db.outbox.where('record.attachments').equals(sha256).count()) > 0) continue;
    const row = await db.attachments.get(sha256);
    if (!row || row.atRest === 'purged') continue;
    const purged: PurgedAttachmentRow = { sha256, mime: row.mime, bytes: row.bytes, createdAt: row.createdAt, atRest: 'purged', purgedAt: at };
    await db.attachments.put(purged);
  }
}
