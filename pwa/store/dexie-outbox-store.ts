import Dexie from 'dexie';
import type {
  OutboxCounts,
  OutboxEntry,
  OutboxStore,
  QuarantineReason,
  QuarantinedEntry,
  SyncStateKey,
} from '../../shared/sync/outbox-store.ts';
import type { Receipt, Update } from '../../shared/sync/protocol.ts';
import { isStoredReceipt, reasonOfReceipt } from '../../shared/sync/receipt-reason.ts';
import { readAttachmentBytes } from './attachments.ts';
import type { LangsoDb } from './db.ts';
import { purgeSentAttachments } from './purge-attachments.ts';
import { readSetting, SETTINGS, writeSetting } from './settings-registry.ts';
import type { OutboxRow, ReceiptRow, StoredRecord } from './types.ts';

/** The outbox rows pending (0) or quarantined (1), in queue order. */
function queue(db: LangsoDb, quarantine: 0 | 1) {
  return db.outbox.where('[quarantine+queuedAt]').between([quarantine, Dexie.minKey], [quarantine, Dexie.maxKey], true, true);
}

function toEntry(row: OutboxRow): OutboxEntry {
  return { id: row.id, rev: row.rev, type: row.type, record: row.record, bytes: row.bytes, queuedAt: row.queuedAt, attempts: row.attempts };
}

function withoutAt(row: ReceiptRow): Receipt {
  const { at: _at, ...receipt } = row;
  return receipt;
}

/**
 * The sync engine's storage in the browser (shared/sync/outbox-store.ts). Each state change is
 * one IndexedDB transaction with strict durability (set on the database), and the record's own
 * row moves with its outbox row so the screens never disagree with the queue.
 */
export class DexieOutboxStore implements OutboxStore {
  constructor(private readonly db: LangsoDb) {}

  async peek(limits: { readonly maxRecords: number; readonly maxBytes: number }): Promise<OutboxEntry[]> {
    const entries = await this.listPending(Math.max(1, limits.maxRecords));
    const out: OutboxEntry[] = [];
    let bytes = 0;
    for (const entry of entries) {
      if (out.length > 0 && bytes + entry.bytes > limits.maxBytes) break;
      out.push(entry);
      bytes += entry.bytes;
    }
    return out;
  }

  /** Pending (not quarantined) entries in queue order, oldest first; at most `limit`. */
  async listPending(limit = Infinity): Promise<OutboxEntry[]> {
    const rows = await queue(this.db, 0).limit(limit).toArray();
    return rows.map(toEntry);
  }

  async applyReceipts(receipts: readonly Receipt[], at: string): Promise<void> {
    const db = this.db;
    // The photos of receipted records are purged in the same transaction as their receipts.
    await db.transaction('rw', [db.outbox, db.receipts, db.records, db.audit, db.attachments], async () => {
      const sent: string[] = [];
      for (const receipt of receipts) {
        await db.receipts.put({ ...receipt, at });
        const row = await db.outbox.get([receipt.id, receipt.rev]);
        if (!row) continue;
        const record = await db.records.get(receipt.id);
        if (isStoredReceipt(receipt)) {
          sent.push(...row.record.attachments);
          await db.outbox.delete([receipt.id, receipt.rev]);
          if (record) await db.records.put(afterReceipt(record, receipt));
          await db.audit.add({ recordId: receipt.id, at, action: 'receipt', rev: receipt.rev, code: receipt.status });
        } else {
          const reason = reasonOfReceipt(receipt);
          await db.outbox.put({ ...row, quarantine: 1, reason, quarantinedAt: at });
          if (record && record.rev === receipt.rev) await db.records.put({ ...record, status: 'quarantined', reason });
          await db.audit.add({ recordId: receipt.id, at, action: 'quarantine', rev: receipt.rev, code: reason.code });
        }
      }
      await purgeSentAttachments(db, sent, at);
    });
  }

  async recordAttempt(keys: readonly { readonly id: string; readonly rev: number }[]): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.outbox, async () => {
      for (const key of keys) {
        const row = await db.outbox.get([key.id, key.rev]);
        if (row) await db.outbox.put({ ...row, attempts: row.attempts + 1 });
      }
    });
  }

  async quarantine(key: { readonly id: string; readonly rev: number }, reason: QuarantineReason, at: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.outbox, db.records, db.audit], async () => {
      const row = await db.outbox.get([key.id, key.rev]);
      if (!row) return;
      await db.outbox.put({ ...row, quarantine: 1, reason, quarantinedAt: at });
      const record = await db.records.get(key.id);
      if (record && record.rev === key.rev) await db.records.put({ ...record, status: 'quarantined', reason });
      await db.audit.add({ recordId: key.id, at, action: 'quarantine', rev: key.rev, code: reason.code });
    });
  }

  async requeue(id: string): Promise<boolean> {
    const db = this.db;
    return db.transaction('rw', [db.outbox, db.records, db.audit], async () => {
      const rows = await db.outbox.where('id').equals(id).filter((row) => row.quarantine === 1).toArray();
      for (const row of rows) {
        const { reason: _reason, quarantinedAt: _at, ...pending } = row;
        await db.outbox.put({ ...pending, quarantine: 0, attempts: 0 });
      }
      if (rows.length === 0) return false;
      const record = await db.records.get(id);
      if (record?.status === 'quarantined') {
        const { reason: _reason, ...rest } = record;
        await db.records.put({ ...rest, status: 'queued' });
      }
      await db.audit.add({ recordId: id, at: new Date().toISOString(), action: 'requeue' });
      return true;
    });
  }

  async listQuarantined(): Promise<QuarantinedEntry[]> {
    const rows = await queue(this.db, 1).toArray();
    return rows.map((row) => ({
      ...toEntry(row),
      reason: row.reason ?? { code: 'UNKNOWN' },
      quarantinedAt: row.quarantinedAt ?? row.queuedAt,
    }));
  }

  async counts(): Promise<OutboxCounts> {
    const db = this.db;
    return db.transaction('r', db.outbox, async () => {
      const pendingRange = queue(db, 0);
      const pending = await pendingRange.count();
      const quarantined = await queue(db, 1).count();
      const oldest = await pendingRange.first();
      return oldest ? { pending, quarantined, oldestQueuedAt: oldest.queuedAt } : { pending, quarantined };
    });
  }

  async receiptFor(id: string): Promise<Receipt | undefined> {
    const row = await this.db.receipts.get(id);
    return row ? withoutAt(row) : undefined;
  }

  /** Decrypted for upload; undefined once purged (only after the server holds it). */
  readAttachment(sha256: string): Promise<Uint8Array | undefined> {
    return readAttachmentBytes(this.db, sha256);
  }

  async applyUpdates(updates: readonly Update[], cursor: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.updates, db.records, db.settings, db.audit], async () => {
      for (const update of updates) {
        await db.updates.put(update);
        const record = await db.records.get(update.id);
        if (record) await db.records.put(afterDecision(record, update));
        await db.audit.add({ recordId: update.id, at: update.at, action: 'decision', code: update.status });
      }
      await writeSetting(db, SETTINGS.sync.updatesCursor, cursor);
    });
  }

  getState(key: SyncStateKey): Promise<string | undefined> {
    return readSetting(this.db, SETTINGS.sync[key]);
  }

  async setState(key: SyncStateKey, value: string): Promise<void> {
    await writeSetting(this.db, SETTINGS.sync[key], value);
  }
}

/** A receipt for the record's current rev marks it sent; an older rev's only adds the reference. */
function afterReceipt(record: StoredRecord, receipt: Receipt): StoredRecord {
  const ref = receipt.serverRef ?? record.serverRef;
  const withRef = ref === undefined ? record : { ...record, serverRef: ref };
  if (record.rev !== receipt.rev || (record.status !== 'queued' && record.status !== 'quarantined')) return withRef;
  const { reason: _reason, ...rest } = withRef;
  return { ...rest, status: 'sent' };
}

function afterDecision(record: StoredRecord, update: Update): StoredRecord {
  const ref = update.serverRef ?? record.serverRef;
  const next: StoredRecord = { ...record, status: update.status, decision: update };
  return ref === undefined ? next : { ...next, serverRef: ref };
}
