import type Database from 'better-sqlite3';
import type {
  OutboxCounts,
  OutboxEntry,
  OutboxStore,
  QuarantinedEntry,
  QuarantineReason,
  SyncStateKey,
} from '../../shared/sync/outbox-store.ts';
import type { Receipt, Update, WireRecord } from '../../shared/sync/protocol.ts';
import { isStoredReceipt, reasonOfReceipt } from '../../shared/sync/receipt-reason.ts';
import type { RecordType } from '../../shared/domain/records.ts';

interface OutboxRow {
  readonly id: string;
  readonly rev: number;
  readonly type: RecordType;
  readonly record: string;
  readonly bytes: number;
  readonly queued_at: string;
  readonly attempts: number;
  readonly quarantine_code: string | null;
  readonly quarantine_message: string | null;
  readonly quarantined_at: string | null;
}

const ENTRY_COLUMNS = 'id, rev, type, record, bytes, queued_at, attempts, quarantine_code, quarantine_message, quarantined_at';

function entryOf(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    rev: row.rev,
    type: row.type,
    record: JSON.parse(row.record) as WireRecord,
    bytes: row.bytes,
    queuedAt: row.queued_at,
    attempts: row.attempts,
  };
}

function quarantinedOf(row: OutboxRow): QuarantinedEntry {
  const reason: QuarantineReason =
    row.quarantine_message === null ? { code: row.quarantine_code ?? '' } : { code: row.quarantine_code ?? '', message: row.quarantine_message };
  return { ...entryOf(row), reason, quarantinedAt: row.quarantined_at ?? '' };
}

/**
 * The sync engine's store over the lead's workspace (shared/sync/outbox-store.ts). The outbox is
 * filled by review approvals; receipts and province decisions are written back onto the records
 * (sync state, server reference, province status) in the same transaction, so `status` and
 * `report` always agree with the outbox. better-sqlite3 is synchronous: every method has
 * committed when its promise resolves, and none holds a transaction across a network call.
 */
export function createSqliteOutboxStore(db: Database.Database): OutboxStore {
  const pending = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM outbox WHERE quarantined_at IS NULL ORDER BY rowid LIMIT ?`);
  const keepReceipt = db.prepare(
    `INSERT OR REPLACE INTO receipts (id, rev, status, code, server_ref, message, missing, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const removeEntry = db.prepare('DELETE FROM outbox WHERE id = ? AND rev = ?');
  const toQuarantine = db.prepare(
    `UPDATE outbox SET quarantine_code = ?, quarantine_message = ?, quarantined_at = ?
     WHERE id = ? AND rev = ? AND quarantined_at IS NULL`,
  );
  const recordSync = db.prepare('UPDATE records SET sync_state = ? WHERE id = ? AND rev = ?');
  const recordSent = db.prepare(
    `UPDATE records SET sync_state = 'sent', server_ref = coalesce(?, server_ref), province_at = ? WHERE id = ? AND rev = ?`,
  );
  const decide = db.prepare(
    `INSERT OR IGNORE INTO decisions (record_id, type, status, server_ref, code, message, appointment_at, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const recordDecision = db.prepare(
    'UPDATE records SET province_status = ?, server_ref = coalesce(?, server_ref), province_at = ? WHERE id = ?',
  );
  const setStateRow = db.prepare(
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  const quarantineEntry = (id: string, rev: number, reason: QuarantineReason, at: string): void => {
    if (toQuarantine.run(reason.code, reason.message ?? null, at, id, rev).changes > 0) recordSync.run('quarantined', id, rev);
  };

  const applyReceipts = db.transaction((receipts: readonly Receipt[], at: string) => {
    for (const receipt of receipts) {
      const missing = receipt.missing === undefined ? null : JSON.stringify(receipt.missing);
      keepReceipt.run(receipt.id, receipt.rev, receipt.status, receipt.code ?? null, receipt.serverRef ?? null, receipt.message ?? null, missing, at);
      if (isStoredReceipt(receipt)) {
        removeEntry.run(receipt.id, receipt.rev);
        recordSent.run(receipt.serverRef ?? null, at, receipt.id, receipt.rev);
      } else {
        quarantineEntry(receipt.id, receipt.rev, reasonOfReceipt(receipt), at);
      }
    }
  });

  const requeue = db.transaction((id: string): boolean => {
    const rows = db
      .prepare(`SELECT ${ENTRY_COLUMNS} FROM outbox WHERE id = ? AND quarantined_at IS NOT NULL ORDER BY rowid`)
      .all(id) as OutboxRow[];
    for (const row of rows) {
      // Deleted and inserted again: a requeued entry goes to the back of the queue.
      removeEntry.run(row.id, row.rev);
      db.prepare('INSERT INTO outbox (id, rev, type, record, bytes, queued_at, attempts) VALUES (?, ?, ?, ?, ?, ?, 0)').run(
        row.id,
        row.rev,
        row.type,
        row.record,
        row.bytes,
        row.queued_at,
      );
      recordSync.run('queued', row.id, row.rev);
    }
    return rows.length > 0;
  });

  const applyUpdates = db.transaction((updates: readonly Update[], cursor: string) => {
    for (const u of updates) {
      const added = decide.run(u.id, u.type, u.status, u.serverRef ?? null, u.code ?? null, u.message ?? null, u.appointmentAt ?? null, u.at);
      if (added.changes > 0) recordDecision.run(u.status, u.serverRef ?? null, u.at, u.id);
    }
    setStateRow.run('updatesCursor', cursor);
  });

  return {
    async peek({ maxRecords, maxBytes }) {
      const chunk: OutboxEntry[] = [];
      let bytes = 0;
      for (const row of pending.iterate(maxRecords) as IterableIterator<OutboxRow>) {
        if (chunk.length > 0 && bytes + row.bytes > maxBytes) break;
        chunk.push(entryOf(row));
        bytes += row.bytes;
      }
      return chunk;
    },
    applyReceipts: async (receipts, at) => applyReceipts(receipts, at),
    async recordAttempt(keys) {
      const attempt = db.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE id = ? AND rev = ? AND quarantined_at IS NULL');
      db.transaction(() => {
        for (const key of keys) attempt.run(key.id, key.rev);
      })();
    },
    async quarantine(key, reason, at) {
      quarantineEntry(key.id, key.rev, reason, at);
    },
    requeue: async (id) => requeue(id),
    async listQuarantined() {
      const rows = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM outbox WHERE quarantined_at IS NOT NULL ORDER BY rowid`).all() as OutboxRow[];
      return rows.map(quarantinedOf);
    },
    async counts() {
      const row = db
        .prepare(
          `SELECT coalesce(sum(quarantined_at IS NULL), 0) AS pending, coalesce(sum(quarantined_at IS NOT NULL), 0) AS quarantined,
             min(CASE WHEN quarantined_at IS NULL THEN queued_at END) AS oldest FROM outbox`,
        )
        .get() as { pending: number; quarantined: number; oldest: string | null };
      const counts: OutboxCounts = { pending: row.pending, quarantined: row.quarantined };
      return row.oldest === null ? counts : { ...counts, oldestQueuedAt: row.oldest };
    },
    async receiptFor(id) {
      const row = db
        .prepare('SELECT id, rev, status, code, server_ref, message, missing FROM receipts WHERE id = ? ORDER BY rowid DESC LIMIT 1')
        .get(id) as
        | { id: string; rev: number; status: Receipt['status']; code: string | null; server_ref: string | null; message: string | null; missing: string | null }
        | undefined;
      if (!row) return undefined;
      return {
        id: row.id,
        rev: row.rev,
        status: row.status,
        ...(row.code === null ? {} : { code: row.code }),
        ...(row.server_ref === null ? {} : { serverRef: row.server_ref }),
        ...(row.message === null ? {} : { message: row.message }),
        ...(row.missing === null ? {} : { missing: JSON.parse(row.missing) as string[] }),
      };
    },
    async readAttachment(sha256) {
      const bytes = db.prepare('SELECT bytes FROM attachments WHERE sha256 = ?').pluck().get(sha256) as Buffer | undefined;
      return bytes === undefined ? undefined : new Uint8Array(bytes);
    },
    applyUpdates: async (updates, cursor) => applyUpdates(updates, cursor),
    async getState(key: SyncStateKey) {
      const value = db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined;
      return value;
    },
    async setState(key, value) {
      setStateRow.run(key, value);
    },
  };
}
