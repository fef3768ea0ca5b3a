import type { OutboxCounts, OutboxEntry, QuarantinedEntry } from '../../shared/sync/outbox-store.ts';
import type { LangsoDb } from './db.ts';
import type { DexieOutboxStore } from './dexie-outbox-store.ts';
import { readSetting, SETTINGS, type LastExport } from './settings-registry.ts';
import type { StoredRecord } from './types.ts';

/** What the province has answered: the outbox screen lists the latest of these records. */
const ANSWERED: ReadonlySet<string> = new Set(['sent', 'received', 'needs_fix', 'scheduled', 'approved', 'activated', 'rejected']);

/** Everything the outbox screen shows, read together so it never shows two moments at once. */
export interface OutboxView {
  readonly counts: OutboxCounts;
  /** The first 50 entries waiting, oldest first. */
  readonly pending: OutboxEntry[];
  readonly quarantined: QuarantinedEntry[];
  /** The 30 answered records changed most recently. */
  readonly recent: StoredRecord[];
  /** The records of the pending and quarantined entries, to name them by. */
  readonly names: StoredRecord[];
  readonly lastSyncAt: string | undefined;
  readonly lastExport: LastExport | undefined;
}

export async function outboxView(db: LangsoDb, outbox: DexieOutboxStore): Promise<OutboxView> {
  const counts = await outbox.counts();
  const pending = await outbox.listPending(50);
  const quarantined = await outbox.listQuarantined();
  const recent = await db.records.orderBy('updatedAt').reverse().filter((r) => ANSWERED.has(r.status)).limit(30).toArray();
  const names = await db.records.bulkGet([...pending.map((r) => r.id), ...quarantined.map((q) => q.id)]);
  const lastSyncAt = await outbox.getState('lastSyncAt');
  const lastExport = await readSetting(db, SETTINGS.lastExport);
  return { counts, pending, quarantined, recent, names: names.filter((r): r is StoredRecord => r !== undefined), lastSyncAt, lastExport };
}
