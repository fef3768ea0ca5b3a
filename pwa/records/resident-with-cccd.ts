import type { RecordOf } from '../../shared/domain/records.ts';
import type { Session } from '../session/session.ts';
import { isRecordOf } from './envelope.ts';

/**
 * Another resident on this phone with the same personal ID number (DUPLICATE_CCCD): found
 * through the search index, then confirmed on the stored records.
 */
export async function residentWithCccd(session: Session, cccd: string, exceptId: string | undefined): Promise<RecordOf<'resident'> | undefined> {
  const households = (await session.searchIndex()).search(cccd, 20);
  if (households.length === 0) return undefined;
  const rows = await session.db.records.where('householdId').anyOf(households).toArray();
  for (const row of rows) {
    const e = row.envelope;
    if (isRecordOf(e, 'resident') && e.id !== exceptId && e.payload.cccd === cccd) return e;
  }
  return undefined;
}
