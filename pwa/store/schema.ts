import type Dexie from 'dexie';

/**
 * Every schema version the app has ever shipped, oldest first. A version is never edited once
 * released: a change is a new version, so a phone that skipped updates still migrates forward and
 * an app update never strands saved records (DESIGN §5).
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

export const CURRENT_SCHEMA_VERSION = 2;

export function declareSchema(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2);
}
