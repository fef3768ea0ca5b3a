import type Dexie from 'dexie';

/**
 * Every schema version the app has ever shipped, oldest first. A version is never edited once
 * released: a change is a new version, so a phone that skipped updates still migrates forward and
 * an app update never strands saved records (docs/ARCHITECTURE.md).
 *
 * Booleans are not valid IndexedDB keys, so `quarantine` is 0 or 1.
 */
export const SCHEMA_V1 = {
  records: 'id, type, status, householdId, updatedAt',
  attachments: 'sha256',
  outbox: '[id+rev], id, queuedAt, [quarantine+queuedAt]',
  receipts: 'id',
  updates: 'id, at',
  audit: '++seq, recordId, at',
  settings: 'key',
} as const;

/** v2: households listed newest first without scanning every resident. */
export const SCHEMA_V2 = {
  records: 'id, type, status, householdId, updatedAt, [type+updatedAt]',
} as const;

/**
 * v3: the search keys in a table of their own, one small row per household or resident, so the
 * in-memory search index loads without reading every record's whole payload.
 */
export const SCHEMA_V3 = {
  searchKeys: 'id',
} as const;

/**
 * v4: photos encrypted at rest and purged after their receipt (Decree 356/2025; docs/ARCHITECTURE.md).
 * `atRest` says what an attachment row holds ('plain' | 'encrypted' | 'purged'); rows written
 * before v4 are marked 'plain' here and encrypted in the background after the database opens
 * (attachment-migration.ts), because an upgrade transaction cannot wait on WebCrypto. The outbox
 * index on the attachments each row's record needs tells whether a photo is still waiting.
 */
export const SCHEMA_V4 = {
  attachments: 'sha256, atRest',
  outbox: '[id+rev], id, queuedAt, [quarantine+queuedAt], *record.attachments',
} as const;

/**
 * v5: drafts of the forms, kept as they are typed (restored after back, reload, crash, another
 * tab), and every revision a phone saved (a record's history: what changed, when).
 */
export const SCHEMA_V5 = {
  drafts: 'key, householdId',
  revisions: '[id+rev], id',
} as const;

export const CURRENT_SCHEMA_VERSION = 5;

export function declareSchema(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2);
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade(async (tx) => {
      const rows: { id: string; householdId: string; key: string }[] = [];
      await tx
        .table('records')
        .toCollection()
        .each((record: { id: string; type: string; householdId?: string; searchKey?: string }) => {
          if (record.type === 'household' || record.type === 'resident') {
            rows.push({ id: record.id, householdId: record.householdId ?? record.id, key: record.searchKey ?? '' });
          }
        });
      await tx.table('searchKeys').bulkPut(rows);
    });
  db.version(4)
    .stores(SCHEMA_V4)
    .upgrade(async (tx) => {
      await tx
        .table('attachments')
        .toCollection()
        .modify((row: { atRest?: string }) => {
          row.atRest ??= 'plain';
        });
    });
  // Revisions saved before v5 have no history row: their history starts at the next save.
  db.version(5).stores(SCHEMA_V5);
}
