import Dexie from 'dexie';
import type { RecordEnvelope } from '../../shared/domain/records.ts';
import type { OutboxEntry } from '../../shared/sync/outbox-store.ts';
import { toOutboxEntry } from '../../shared/sync/outbox-entry.ts';
import { toWireRecord } from '../../shared/sync/wire-record.ts';
import type { LangsoDb } from './db.ts';
import type { StoredRecord } from './types.ts';

export interface SaveRequest {
  readonly record: RecordEnvelope;
  readonly searchKey: string;
  readonly householdId?: string;
  /** Device time of the save (ISO). */
  readonly at: string;
  /** The form's draft this save finishes: gone in the same transaction, so it never outlives the record. */
  readonly draftKey?: string;
  /** The volunteer who saved it, for the record's history. */
  readonly by?: string;
}

/** The save was made from an older copy of the record: another save came first. */
export class StaleRecordError extends Error {
  override readonly name = 'StaleRecordError';
  readonly code = 'RECORD_STALE';
  constructor(readonly id: string, readonly rev: number, readonly storedRev: number) {
    super(`record ${id} rev ${rev} is not newer than stored rev ${storedRev}`);
  }
}

/**
 * The rows one save writes: the stored record and its outbox entry. Hashing happens here, before
 * any transaction: IndexedDB commits a transaction that waits on anything else.
 */
export async function rowsToSave(request: SaveRequest): Promise<{ stored: StoredRecord; entry: OutboxEntry }> {
  const { record, at } = request;
  const entry = toOutboxEntry(await toWireRecord(record), at);
  const stored: StoredRecord = {
    id: record.id,
    type: record.type,
    rev: record.rev,
    status: 'queued',
    updatedAt: record.updatedAt,
    searchKey: request.searchKey,
    envelope: record,
    ...(request.householdId === undefined ? {} : { householdId: request.householdId }),
  };
  return { stored, entry };
}

/**
 * Saves a record, its outbox row, its audit line, its revision (the history) and its search key
 * in ONE transaction (strict durability on the database), and drops the draft it came from: the
 * record is never saved without being queued, nor queued without being saved. An older rev of
 * the same record held in quarantine is dropped: this save is its fix.
 */
export async function saveRecord(db: LangsoDb, request: SaveRequest): Promise<StoredRecord> {
  const { record, at } = request;
  const { stored, entry } = await rowsToSave(request);
  const searchable = record.type === 'household' || record.type === 'resident';
  try {
    await db.transaction('rw', [db.records, db.outbox, db.audit, db.searchKeys, db.revisions, db.drafts], async () => {
      if (record.rev === 1) {
        // A new record: `add` refuses an id already stored, without a read first.
        await db.records.add(stored);
      } else {
        const previous = await db.records.get(record.id);
        if (previous && previous.rev >= record.rev) throw new StaleRecordError(record.id, record.rev, previous.rev);
        await db.records.put(previous?.serverRef === undefined ? stored : { ...stored, serverRef: previous.serverRef });
        // An older rev held in quarantine is replaced by this one: the edit is its fix.
        await db.outbox.where('id').equals(record.id).filter((row) => row.quarantine === 1).delete();
      }
      await db.outbox.put({ ...entry, quarantine: 0 });
      await db.audit.add({ recordId: record.id, at, action: 'save', rev: record.rev });
      await db.revisions.put({ id: record.id, rev: record.rev, envelope: record, savedAt: at, ...(request.by === undefined ? {} : { by: request.by }) });
      if (request.draftKey !== undefined) await db.drafts.delete(request.draftKey);
      if (searchable) await db.searchKeys.put({ id: record.id, householdId: request.householdId ?? record.id, key: request.searchKey });
    });
  } catch (error) {
    if (error instanceof Dexie.ConstraintError && record.rev === 1) throw new StaleRecordError(record.id, 1, 1);
    throw error;
  }
  return stored;
}
