import type { RecordEnvelope } from '../../shared/domain/records.ts';
import type { Session } from '../session/session.ts';
import { recordSearchKey } from '../search/search-index.ts';
import { saveRecord } from '../store/save-record.ts';
import type { StoredRecord } from '../store/types.ts';

/** Saves a record the way every screen does: one transaction, then the index and persistence. */
export async function saveFromScreen(session: Session, record: RecordEnvelope, householdId: string | undefined): Promise<StoredRecord> {
  const stored = await saveRecord(session.db, {
    record,
    searchKey: recordSearchKey(record),
    ...(householdId === undefined ? {} : { householdId }),
    at: session.clock().toISOString(),
  });
  await session.afterSave(stored);
  return stored;
}

export function failureText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
