import Dexie, { type EntityTable, type Table } from 'dexie';
import { declareSchema } from './schema.ts';
import type { AttachmentRow, AuditRow, DraftRow, OutboxRow, ReceiptRow, RevisionRow, SearchKeyRow, SettingRow, StoredRecord } from './types.ts';
import type { Update } from '../../shared/sync/protocol.ts';

export type DbMode = 'real' | 'training';

/** Training lives in its own database, so resetting it can never touch real records. */
export const DB_NAMES: Readonly<Record<DbMode, string>> = { real: 'langso', training: 'langso-training' };

export class LangsoDb extends Dexie {
  records!: EntityTable<StoredRecord, 'id'>;
  attachments!: EntityTable<AttachmentRow, 'sha256'>;
  outbox!: Table<OutboxRow, [string, number]>;
  receipts!: EntityTable<ReceiptRow, 'id'>;
  updates!: EntityTable<Update, 'id'>;
  audit!: EntityTable<AuditRow, 'seq'>;
  settings!: EntityTable<SettingRow, 'key'>;
  searchKeys!: EntityTable<SearchKeyRow, 'id'>;
  drafts!: EntityTable<DraftRow, 'key'>;
  revisions!: Table<RevisionRow, [string, number]>;

  constructor(name: string) {
    // Strict durability: a save is on disk before its promise resolves, not just in the OS cache.
    super(name, { chromeTransactionDurability: 'strict' });
    declareSchema(this);
  }
}

export function openLangsoDb(mode: DbMode): LangsoDb {
  return new LangsoDb(DB_NAMES[mode]);
}
