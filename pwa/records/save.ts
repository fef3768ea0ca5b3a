import { failure, type Failure } from '../../shared/domain/result.ts';
import type { RecordEnvelope } from '../../shared/domain/records.ts';
import { recordSearchKey } from '../search/search-index.ts';
import type { LangsoDb } from '../store/db.ts';
import { saveRecord, StaleRecordError } from '../store/save-record.ts';
import type { StoredRecord } from '../store/types.ts';

/** What a save from a screen needs of the running app (the session gives it). */
export interface SaveContext {
  readonly db: LangsoDb;
  readonly clock: () => Date;
  /** Who saves: named in the record's history. */
  readonly device: { readonly volunteerName: string };
  /** Called after every save: keeps the search index current and asks for persistence once. */
  afterSave(record: StoredRecord): Promise<void>;
}

/**
 * Saves a record the way every screen does: one transaction (which also drops the form's draft),
 * then the index and persistence.
 */
export async function saveFromScreen(context: SaveContext, record: RecordEnvelope, householdId: string | undefined, draftKey?: string): Promise<StoredRecord> {
  const stored = await saveRecord(context.db, {
    record,
    searchKey: recordSearchKey(record),
    ...(householdId === undefined ? {} : { householdId }),
    at: context.clock().toISOString(),
    by: context.device.volunteerName,
    ...(draftKey === undefined ? {} : { draftKey }),
  });
  await context.afterSave(stored);
  return stored;
}

/**
 * Why a save failed, as a code the screens say in the volunteer's words: another save of the
 * same record came first, the phone's storage is full, or storage failed otherwise.
 */
export function saveFailure(error: unknown): Failure<'RECORD_STALE' | 'STORAGE_FULL' | 'STORAGE_ERROR'> {
  if (error instanceof StaleRecordError) return failure('RECORD_STALE', { id: error.id });
  const name = error instanceof Error ? error.name : '';
  // Dexie keeps the browser's name for it, whichever layer raised it.
  if (name === 'QuotaExceededError') return failure('STORAGE_FULL');
  return failure('STORAGE_ERROR', { reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
}
