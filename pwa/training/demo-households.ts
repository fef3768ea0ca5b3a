import * as v from 'valibot';
import type { Consent } from '../../shared/domain/consent.ts';
import { RELATIONSHIPS, SEXES, type RecordEnvelope } from '../../shared/domain/records.ts';
import { newRecord, type Author } from '../records/envelope.ts';
import { recordSearchKey } from '../search/search-index.ts';
import type { LangsoDb } from '../store/db.ts';
import { rowsToSave } from '../store/save-record.ts';

/**
 * The trainers' demo households (fixtures/demo/households.json), copied beside the app by the
 * build but kept out of the precache: only a phone in training mode ever downloads them.
 */
export const DEMO_HOUSEHOLDS_PATH = 'training/households.json';

const DemoRowSchema = v.object({
  fullName: v.string(),
  dateOfBirth: v.string(),
  sex: v.picklist(SEXES),
  cccd: v.optional(v.string()),
  phone: v.optional(v.string()),
  communeCode: v.string(),
  hamlet: v.string(),
  householdId: v.string(),
  relationship: v.picklist(RELATIONSHIPS),
});
export type DemoRow = v.InferOutput<typeof DemoRowSchema>;
export const DemoRowsSchema = v.array(DemoRowSchema);

/** The trainer's file as served beside the app, parsed: a damaged file is refused, not half-loaded. */
export function parseDemoRows(rows: unknown): DemoRow[] {
  return v.parse(DemoRowsSchema, rows);
}

/** A training consent: the same shape a real one has, so the flows downstream are the real ones. */
function trainingConsent(subjectName: string, author: Author): Consent {
  return {
    textVersion: 'tap-huan-2026',
    purposes: ['household_register'],
    dataCategories: ['identity', 'contact', 'address', 'household'],
    processor: 'Tổ công nghệ số cộng đồng (dữ liệu tập huấn)',
    rightsShown: true,
    givenAt: author.now.toISOString(),
    method: 'tick',
    subjectName,
    volunteerId: author.deviceId,
  };
}

/** The demo rows as records in their envelopes: a household per householdId, then its members. */
export function demoRecords(rows: readonly DemoRow[], author: Author): { record: RecordEnvelope; householdId: string }[] {
  const out: { record: RecordEnvelope; householdId: string }[] = [];
  const households = new Map<string, string>();
  for (const row of rows) {
    const address = { provinceCode: '96' as const, communeCode: row.communeCode, hamlet: row.hamlet };
    let householdId = households.get(row.householdId);
    if (householdId === undefined) {
      const head = rows.find((other) => other.householdId === row.householdId && other.relationship === 'head') ?? row;
      const household = newRecord('household', { address, headName: head.fullName }, trainingConsent(head.fullName, author), author);
      householdId = household.id;
      households.set(row.householdId, householdId);
      out.push({ record: household, householdId });
    }
    const resident = newRecord(
      'resident',
      {
        householdId,
        relationship: row.relationship,
        fullName: row.fullName,
        dateOfBirth: row.dateOfBirth,
        sex: row.sex,
        ...(row.cccd ? { cccd: row.cccd } : {}),
        ...(row.phone ? { phone: row.phone } : {}),
        address,
      },
      trainingConsent(row.fullName, author),
      author,
    );
    out.push({ record: resident, householdId });
  }
  return out;
}

/**
 * Saves the demo records in ONE transaction (a class does not wait for 1,400 commits): each with
 * its outbox row, audit line and search key, as a save from a screen would.
 */
export async function saveDemoRecords(db: LangsoDb, items: readonly { record: RecordEnvelope; householdId: string }[], at: string): Promise<number> {
  const prepared = await Promise.all(
    items.map(({ record, householdId }) => rowsToSave({ record, searchKey: recordSearchKey(record), householdId, at })),
  );
  await db.transaction('rw', [db.records, db.outbox, db.audit, db.searchKeys], async () => {
    await db.records.bulkAdd(prepared.map((p) => p.stored));
    await db.outbox.bulkPut(prepared.map((p) => ({ ...p.entry, quarantine: 0 as const })));
    await db.audit.bulkAdd(prepared.map((p) => ({ recordId: p.stored.id, at, action: 'save' as const, rev: p.stored.rev })));
    await db.searchKeys.bulkPut(prepared.map((p) => ({ id: p.stored.id, householdId: p.stored.householdId ?? p.stored.id, key: p.stored.searchKey })));
  });
  return prepared.length;
}
