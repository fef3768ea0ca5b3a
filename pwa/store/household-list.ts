import Dexie from 'dexie';
import type { LangsoDb } from './db.ts';
import type { StoredRecord } from './types.ts';

/** A household as the home screen lists it: with how many residents it has. */
export interface HouseholdRow {
  readonly household: StoredRecord;
  readonly members: number;
}

export interface HouseholdPage {
  readonly rows: HouseholdRow[];
  /** True when there are households after this page. */
  readonly more: boolean;
}

async function withMembers(db: LangsoDb, households: readonly StoredRecord[]): Promise<HouseholdRow[]> {
  const ids = households.map((h) => h.id);
  const related = await db.records.where('householdId').anyOf(ids).toArray();
  const counts = new Map<string, number>();
  for (const record of related) {
    if (record.type === 'resident' && record.householdId) counts.set(record.householdId, (counts.get(record.householdId) ?? 0) + 1);
  }
  return households.map((household) => ({ household, members: counts.get(household.id) ?? 0 }));
}

/** The households changed most recently, newest first, `limit` of them. */
export async function newestHouseholds(db: LangsoDb, limit: number): Promise<HouseholdPage> {
  const page = await db.records
    .where('[type+updatedAt]')
    .between(['household', Dexie.minKey], ['household', Dexie.maxKey])
    .reverse()
    .limit(limit + 1)
    .toArray();
  return { rows: await withMembers(db, page.slice(0, limit)), more: page.length > limit };
}

/** These households (a search's hits), in the order given; ids of anything else are left out. */
export async function householdsByIds(db: LangsoDb, ids: readonly string[]): Promise<HouseholdRow[]> {
  const households = (await db.records.bulkGet([...ids])).filter((r): r is StoredRecord => r?.type === 'household');
  return withMembers(db, households);
}
