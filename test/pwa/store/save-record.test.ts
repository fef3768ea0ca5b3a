import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { saveRecord, StaleRecordError } from '../../../pwa/store/save-record.ts';
import { DexieOutboxStore } from '../../../pwa/store/dexie-outbox-store.ts';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { household } from '../helpers/records.ts';

let db: LangsoDb;
afterEach(async () => {
  await db.delete();
});

describe('saveRecord', () => {
  it('writes the record, its outbox row and an audit line together', async () => {
    db = freshDb();
    const record = household();
    await saveRecord(db, { record, searchKey: 'tran thi mau', householdId: record.id, at: '2026-03-01T08:00:00.000Z' });
    expect((await db.records.get(record.id))?.status).toBe('queued');
    const row = await db.outbox.get([record.id, 1]);
    expect(row?.record.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.quarantine).toBe(0);
    expect(await db.audit.where('recordId').equals(record.id).count()).toBe(1);
  });

  it('keeps each saved revision for the history, and removes the draft the save finishes in the same transaction', async () => {
    db = freshDb();
    const record = household();
    const draftKey = 'household:new';
    await db.drafts.put({ key: draftKey, kind: 'household', title: 'Trần Thị Mẫu', values: {}, updatedAt: '2026-03-01T07:59:00.000Z' });
    await saveRecord(db, { record, searchKey: 'a', householdId: record.id, at: '2026-03-01T08:00:00.000Z', by: 'Nguyễn Văn Thử', draftKey });
    const second = { ...record, rev: 2, payload: { ...record.payload, note: 'Sửa lần hai' } };
    await saveRecord(db, { record: second, searchKey: 'a', householdId: record.id, at: '2026-03-01T09:00:00.000Z' });
    expect(await db.drafts.get(draftKey)).toBeUndefined();
    const revisions = await db.revisions.where('id').equals(record.id).sortBy('rev');
    expect(revisions.map((r) => [r.rev, r.savedAt, r.by])).toEqual([
      [1, '2026-03-01T08:00:00.000Z', 'Nguyễn Văn Thử'],
      [2, '2026-03-01T09:00:00.000Z', undefined],
    ]);
    expect(revisions[1]?.envelope).toEqual(second);
  });

  it('keeps the draft when the save is refused', async () => {
    db = freshDb();
    const record = household();
    await saveRecord(db, { record, searchKey: 'a', at: '2026-03-01T08:00:00.000Z' });
    await db.drafts.put({ key: `edit:${record.id}`, kind: 'household', title: 't', values: { note: 'x' }, updatedAt: '2026-03-01T08:30:00.000Z' });
    await expect(saveRecord(db, { record, searchKey: 'b', at: '2026-03-01T09:00:00.000Z', draftKey: `edit:${record.id}` })).rejects.toBeInstanceOf(StaleRecordError);
    expect((await db.drafts.get(`edit:${record.id}`))?.values).toEqual({ note: 'x' });
    expect(await db.revisions.count()).toBe(1);
  });

  it('writes nothing at all when the save is refused', async () => {
    db = freshDb();
    const record = household();
    await saveRecord(db, { record, searchKey: 'a', at: '2026-03-01T08:00:00.000Z' });
    await expect(saveRecord(db, { record, searchKey: 'b', at: '2026-03-01T09:00:00.000Z' })).rejects.toBeInstanceOf(StaleRecordError);
    expect((await db.records.get(record.id))?.searchKey).toBe('a');
    expect(await db.outbox.count()).toBe(1);
    expect(await db.audit.count()).toBe(1);
  });

  it('replaces a quarantined rev with the fixed one and keeps the pending rev queue honest', async () => {
    db = freshDb();
    const store = new DexieOutboxStore(db);
    const first = household();
    await saveRecord(db, { record: first, searchKey: 'a', at: '2026-03-01T08:00:00.000Z' });
    await store.applyReceipts([{ id: first.id, rev: 1, status: 'rejected', code: 'RECORD_INVALID', message: 'xấu' }], '2026-03-01T08:10:00.000Z');
    expect((await db.records.get(first.id))?.status).toBe('quarantined');
    await saveRecord(db, { record: { ...first, rev: 2 }, searchKey: 'a', at: '2026-03-01T08:20:00.000Z' });
    expect(await store.listQuarantined()).toEqual([]);
    expect((await store.peek({ maxRecords: 10, maxBytes: 1e6 })).map((e) => e.rev)).toEqual([2]);
    expect((await db.records.get(first.id))?.status).toBe('queued');
  });
});
