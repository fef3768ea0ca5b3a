import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readAttachmentBytes, readAttachmentView } from '../../../pwa/store/attachments.ts';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { DexieOutboxStore } from '../../../pwa/store/dexie-outbox-store.ts';
import { saveRecord } from '../../../pwa/store/save-record.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { fakeJpeg, householdWithPhoto } from '../helpers/seal-setup.ts';

let db: LangsoDb;
afterEach(async () => {
  await db.delete();
});

const LATER = '2026-03-02T09:00:00.000Z';

describe('photos purged after their receipt', () => {
  it('deletes the bytes once the record’s receipt is accepted, and keeps the row with its hash for the screens', async () => {
    db = freshDb();
    const { record, sha256 } = await householdWithPhoto(db, 1);
    await new DexieOutboxStore(db).applyReceipts([{ id: record.id, rev: 1, status: 'accepted', serverRef: 'TN-1' }], LATER);
    const row = await db.attachments.get(sha256);
    expect(row).toEqual({ sha256, mime: 'image/jpeg', bytes: fakeJpeg(1).length, createdAt: '2026-03-01T08:00:00.000Z', atRest: 'purged', purgedAt: LATER });
    expect(await readAttachmentBytes(db, sha256)).toBeUndefined();
    expect(await readAttachmentView(db, sha256)).toEqual({ kind: 'purged', purgedAt: LATER });
  });

  it('treats a duplicate receipt like an accepted one', async () => {
    db = freshDb();
    const { record, sha256 } = await householdWithPhoto(db, 2);
    await new DexieOutboxStore(db).applyReceipts([{ id: record.id, rev: 1, status: 'duplicate' }], LATER);
    expect((await db.attachments.get(sha256))?.atRest).toBe('purged');
  });

  it('keeps a photo while another record that needs it waits, and purges it with the last receipt', async () => {
    db = freshDb();
    const first = await householdWithPhoto(db, 3);
    const second = await householdWithPhoto(db, 3, { sha256: first.sha256 });
    const store = new DexieOutboxStore(db);
    await store.applyReceipts([{ id: first.record.id, rev: 1, status: 'accepted' }], LATER);
    expect(await readAttachmentBytes(db, first.sha256)).toEqual(fakeJpeg(3));
    await store.applyReceipts([{ id: second.record.id, rev: 1, status: 'accepted' }], LATER);
    expect((await db.attachments.get(first.sha256))?.atRest).toBe('purged');
  });

  it('keeps the photo of a record the province rejected: it is quarantined, to be fixed and sent again', async () => {
    db = freshDb();
    const { record, sha256 } = await householdWithPhoto(db, 4);
    await new DexieOutboxStore(db).applyReceipts([{ id: record.id, rev: 1, status: 'rejected', code: 'RECORD_INVALID' }], LATER);
    expect(await readAttachmentBytes(db, sha256)).toEqual(fakeJpeg(4));
  });

  it('keeps the photo when a newer rev of the record, still queued, names it too', async () => {
    db = freshDb();
    const { record, sha256 } = await householdWithPhoto(db, 5);
    await saveRecord(db, { record: { ...record, rev: 2, updatedAt: '2026-03-01T10:00:00.000Z' }, searchKey: 'x', householdId: record.id, at: '2026-03-01T10:00:00.000Z' });
    const store = new DexieOutboxStore(db);
    await store.applyReceipts([{ id: record.id, rev: 1, status: 'accepted' }], LATER);
    expect(await readAttachmentBytes(db, sha256)).toEqual(fakeJpeg(5));
    await store.applyReceipts([{ id: record.id, rev: 2, status: 'accepted' }], LATER);
    expect((await db.attachments.get(sha256))?.atRest).toBe('purged');
  });
});
