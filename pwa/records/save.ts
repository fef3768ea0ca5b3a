import type { RecordEnvelope } from '../../shared/domain/records.ts';
import { recordSearchKey } from '../search/search-index.ts';
import type { LangsoDb } from '../store/db.ts';
import { saveRecord } from '../store/save-record.ts';
import type { StoredRecord } from '../store/types.ts';

/** What a save from a screen needs of the running app (the session gives it). */
export interface SaveContext {
  readonly db: LangsoDb;
  readonly clock: () => Date;
  /** Called after every save: keeps the search index current and asks for persistence once. */
  afterSave(record: StoredRecord): Promise<void>;
}

/** Saves a record the way every screen does: one transaction, then the index and persistence. */
export async function saveFromScreen(context: SaveContext, record: RecordEnvelope, householdId: string | undefined): Promise<StoredRecord> {
  const stored = await saveRecord(context.db, {
    record,
    searchKey: recordSearchKey(record),
    ...(householdId === undefined ? {} : { householdId }),
    at: context.clock().toISOString(),
  });
  await context.afterSave(stored);
  return stored;
}

export function failureText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
