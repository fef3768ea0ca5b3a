import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { storeAttachmentBytes } from '../../../pwa/store/attachments.ts';
import { DexieOutboxStore } from '../../../pwa/store/dexie-outbox-store.ts';
import { saveRecord } from '../../../pwa/store/save-record.ts';
import { describeOutboxStoreContract } from '../../shared/sync/outbox-store-contract.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { household } from '../helpers/records.ts';

describeOutboxStoreContract('dexie (fake-indexeddb)', async () => {
  const db = freshDb();
  const store = new DexieOutboxStore(db);
  return {
    store,
    // The app queues inside the record's own transaction; the contract only needs the row.
    addEntry: async (entry) => {
      await db.outbox.add({ ...entry, quarantine: 0 });
    },
    // Stored as the app stores photos: encrypted at rest, read back decrypted.
    addAttachment: async (sha256, bytes) => {
      await storeAttachmentBytes(db, { sha256, bytes: new Uint8Array(bytes), mime: 'application/octet-stream', at: '2026-03-01T08:00:00.000Z' });
    },
    latestUpdate: async (id) => db.updates.get(id),
    close: async () => {
      await db.delete();
    },
  };
});

describe('DexieOutboxStore and the records the screens show', () => {
  it('marks a record sent with its receipt code, and shows the province decision on it', async () => {
    const db = freshDb();
    try {
      const store = new DexieOutboxStore(db);
      const record = household();
      await saveRecord(db, { record, searchKey: 'x', householdId: record.id, at: '2026-03-01T08:00:00.000Z' });
      await store.applyReceipts([{ id: record.id, rev: 1, status: 'accepted', serverRef: 'TN-0001' }], '2026-03-01T09:00:00.000Z');
      expect(await db.records.get(record.id)).toMatchObject({ status: 'sent', serverRef: 'TN-0001' });
      await store.applyUpdates([{ id: record.id, type: 'household', status: 'approved', at: '2026-03-02T09:00:00.000Z' }], 'c1');
      expect(await db.records.get(record.id)).toMatchObject({ status: 'approved', serverRef: 'TN-0001' });
      expect(await store.getState('updatesCursor')).toBe('c1');
    } finally {
      await db.delete();
    }
  });

  it('holds a rejected record in quarantine with its reason, and puts it back on requeue', async () => {
    const db = freshDb();
    try {
      const store = new DexieOutboxStore(db);
      const record = household();
      await saveRecord(db, { record, searchKey: 'x', at: '2026-03-01T08:00:00.000Z' });
      await store.applyReceipts([{ id: record.id, rev: 1, status: 'rejected', code: 'RECORD_INVALID', message: 'payload.headName' }], '2026-03-01T09:00:00.000Z');
      expect(await db.records.get(record.id)).toMatchObject({ status: 'quarantined', reason: { code: 'RECORD_INVALID' } });
      expect(await store.requeue(record.id)).toBe(true);
      expect((await db.records.get(record.id))?.status).toBe('queued');
      expect((await store.counts()).pending).toBe(1);
    } finally {
      await db.delete();
    }
  });
});
