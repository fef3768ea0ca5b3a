import * as v from 'valibot';
import type { RecordOf } from '../../shared/domain/records.ts';
import { readAttachmentView, type AttachmentView } from './attachments.ts';
import type { LangsoDb } from './db.ts';
import type { DexieOutboxStore } from './dexie-outbox-store.ts';
import { householdsByIds, newestHouseholds, type HouseholdPage, type HouseholdRow } from './household-list.ts';
import { knownHamlets } from './known-hamlets.ts';
import { outboxView, type OutboxView } from './outbox-view.ts';
import { readSetting, readSettingPart, SETTINGS, type Setting } from './settings-registry.ts';
import type { AuditRow, DraftRow, RevisionRow, StoredRecord } from './types.ts';

/** Which of the batch-file keys the phone holds, by presence only. */
export interface BatchKeysHeld {
  readonly lead: boolean;
  readonly own: boolean;
}

/**
 * Every read the screens make. Run inside a live query (session/use-live.ts), a read runs again
 * whenever a transaction touches what it read: a save, a sync's receipts.
 */
export interface Queries {
  record(id: string): Promise<StoredRecord | undefined>;
  /** Every record filed under a household: its own row, its members, their applications. */
  householdRecords(householdId: string): Promise<StoredRecord[]>;
  /** The residents of these households, household by household, oldest first within each. */
  residentsOf(householdIds: readonly string[]): Promise<RecordOf<'resident'>[]>;
  /** The households changed most recently, newest first, with their member counts. */
  newestHouseholds(limit: number): Promise<HouseholdPage>;
  /** These households (a search's hits), in the order given, with their member counts. */
  householdsByIds(ids: readonly string[]): Promise<HouseholdRow[]>;
  /** The hamlets already written for a commune, most used first. */
  knownHamlets(communeCode: string): Promise<string[]>;
  outboxView(): Promise<OutboxView>;
  /** A form's draft, by its key (use-form-save.ts). */
  draft(key: string): Promise<DraftRow | undefined>;
  /** Every unfinished form, newest first: a phone holds a handful, never thousands. */
  drafts(): Promise<DraftRow[]>;
  /** A record's history: every revision saved on this phone, and what happened to each. */
  history(id: string): Promise<{ revisions: RevisionRow[]; events: AuditRow[] }>;
  /** A stored photo as a screen can show it: decrypted, purged, or missing. */
  attachmentView(sha256: string): Promise<AttachmentView>;
  /** A setting of the registry (settings-registry.ts), parsed. */
  setting<T>(setting: Setting<T>): Promise<T | undefined>;
  /** The lead's encryption key id, for its fingerprint: the volunteer and the lead compare them. */
  leadKeyId(): Promise<string | undefined>;
  /** Read without the sealing code: the screens say whether a file can be sealed before it loads. */
  batchKeys(): Promise<BatchKeysHeld>;
}

/** Checked against the keys before the row was stored; only the id is read here. */
const LeadKeyIdSchema = v.object({ encryptionKeyId: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)) });

export function createQueries(db: LangsoDb, outbox: DexieOutboxStore): Queries {
  return {
    record: (id) => db.records.get(id),
    householdRecords: (householdId) => db.records.where('householdId').equals(householdId).toArray(),
    residentsOf: async (householdIds) => {
      const rows = await db.records.where('householdId').anyOf([...householdIds]).toArray();
      return rows.flatMap(({ envelope }) => (envelope.type === 'resident' ? [envelope] : []));
    },
    newestHouseholds: (limit) => newestHouseholds(db, limit),
    householdsByIds: (ids) => householdsByIds(db, ids),
    knownHamlets: (communeCode) => knownHamlets(db, communeCode),
    outboxView: () => outboxView(db, outbox),
    draft: (key) => db.drafts.get(key),
    drafts: async () => (await db.drafts.toArray()).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    history: async (id) => ({
      revisions: await db.revisions.where('id').equals(id).sortBy('rev'),
      events: await db.audit.where('recordId').equals(id).sortBy('seq'),
    }),
    attachmentView: (sha256) => readAttachmentView(db, sha256),
    setting: (setting) => readSetting(db, setting),
    leadKeyId: async () => (await readSettingPart(db, SETTINGS.leadKeys, LeadKeyIdSchema))?.encryptionKeyId,
    batchKeys: async () => {
      const [lead, own] = await db.settings.bulkGet([SETTINGS.leadKeys.key, SETTINGS.deviceKeys.key]);
      return { lead: lead !== undefined, own: own !== undefined };
    },
  };
}
