import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordEnvelope, RecordOf } from '../../../shared/domain/records.ts';
import { recordSearchKey } from '../../../pwa/search/search-index.ts';
import { putAttachment } from '../../../pwa/store/attachments.ts';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { DexieOutboxStore } from '../../../pwa/store/dexie-outbox-store.ts';
import { createQueries, type Queries } from '../../../pwa/store/queries.ts';
import { saveRecord } from '../../../pwa/store/save-record.ts';
import { SETTINGS, writeSetting } from '../../../pwa/store/settings-registry.ts';
import type { PurgedAttachmentRow } from '../../../pwa/store/types.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { household, resident } from '../helpers/records.ts';

let db: LangsoDb;
let outbox: DexieOutboxStore;
let queries: Queries;
afterEach(async () => {
  await db.delete();
});

function open(): void {
  db = freshDb();
  outbox = new DexieOutboxStore(db);
  queries = createQueries(db, outbox);
}

/** Saved and queued as a screen saves it, at `at` (the outbox's queue time). */
async function save(record: RecordEnvelope, householdId: string, at = record.updatedAt): Promise<void> {
  await saveRecord(db, { record, searchKey: recordSearchKey(record), householdId, at });
}

function eid(householdId: string, applicant: RecordOf<'resident'>): RecordOf<'eid'> {
  return { ...resident(householdId), type: 'eid', payload: { residentId: applicant.id, level: 2, ownPhone: '0912345678', chipCardInHand: true, status: 'queued' } };
}

/** A household with two residents and an e-ID application for the first. */
async function family(headName: string, updatedAt: string) {
  const home = household({ updatedAt, payload: { headName, address: { provinceCode: '96', communeCode: '32002', hamlet: 'Ấp Một' } } });
  const first = resident(home.id);
  const second = resident(home.id, { payload: { ...resident(home.id).payload, fullName: 'Lê Thị Hai', cccd: '096190000124' } });
  const application = eid(home.id, first);
  await save(home, home.id);
  for (const record of [first, second, application]) await save(record, home.id);
  return { home, first, second, application };
}

describe('the read layer, by record', () => {
  it('finds a record by its id, and nothing for an id the phone does not hold', async () => {
    open();
    const { first } = await family('Trần Thị Mẫu', '2026-03-01T08:00:00.000Z');
    expect((await queries.record(first.id))?.envelope).toEqual(first);
    expect(await queries.record(household().id)).toBeUndefined();
  });

  it('gives a household’s own row, its members and their applications, and nothing of another household', async () => {
    open();
    const { home, first, second, application } = await family('Trần Thị Mẫu', '2026-03-01T08:00:00.000Z');
    await family('Nguyễn Văn Khác', '2026-03-01T09:00:00.000Z');
    const ids = (await queries.householdRecords(home.id)).map((r) => r.id).sort();
    expect(ids).toEqual([home.id, first.id, second.id, application.id].sort());
  });

  it('gives the residents of the households asked for: no household rows, no applications, no one else', async () => {
    open();
    const a = await family('Trần Thị Mẫu', '2026-03-01T08:00:00.000Z');
    const b = await family('Nguyễn Văn Khác', '2026-03-01T09:00:00.000Z');
    await family('Lê Văn Ngoài', '2026-03-01T10:00:00.000Z');
    const found = await queries.residentsOf([a.home.id, b.home.id]);
    expect(found.map((r) => r.id).sort()).toEqual([a.first.id, a.second.id, b.first.id, b.second.id].sort());
    expect(await queries.residentsOf([household().id])).toEqual([]);
  });
});

describe('the read layer, for the household list', () => {
  it('lists households newest first, a page at a time, each with its number of residents', async () => {
    open();
    const oldest = await family('Một', '2026-03-01T08:00:00.000Z');
    const alone = household({ updatedAt: '2026-03-01T09:00:00.000Z' });
    await save(alone, alone.id);
    const newest = await family('Ba', '2026-03-01T10:00:00.000Z');

    const page = await queries.newestHouseholds(2);
    expect(page.rows.map((row) => [row.household.id, row.members])).toEqual([
      [newest.home.id, 2],
      [alone.id, 0],
    ]);
    expect(page.more).toBe(true);
    const all = await queries.newestHouseholds(3);
    expect(all.rows.map((row) => row.household.id)).toEqual([newest.home.id, alone.id, oldest.home.id]);
    expect(all.more).toBe(false);
  });

  it('gives a search’s hits in the order found, leaving out ids that are not households', async () => {
    open();
    const a = await family('Một', '2026-03-01T08:00:00.000Z');
    const b = await family('Hai', '2026-03-01T09:00:00.000Z');
    const rows = await queries.householdsByIds([a.home.id, a.first.id, household().id, b.home.id]);
    expect(rows.map((row) => [row.household.id, row.members])).toEqual([
      [a.home.id, 2],
      [b.home.id, 2],
    ]);
  });

  it('suggests the hamlets already written in one commune, the most used first', async () => {
    open();
    const at = (communeCode: string, hamlet: string) => household({ payload: { headName: 'Chủ Hộ', address: { provinceCode: '96', communeCode, hamlet } } });
    for (const home of [at('32002', 'Ấp Ba'), at('32002', 'Ấp Một'), at('32002', 'Ấp Ba'), at('32005', 'Ấp Chín')]) await save(home, home.id);
    expect(await queries.knownHamlets('32002')).toEqual(['Ấp Ba', 'Ấp Một']);
    expect(await queries.knownHamlets('32008')).toEqual([]);
  });
});

describe('the read layer, for the outbox screen', () => {
  it('shows what waits (oldest first), what was refused, what was answered, and the names of each', async () => {
    open();
    const waiting = household({ payload: { headName: 'Chờ Gửi', address: { provinceCode: '96', communeCode: '32002', hamlet: 'Ấp Một' } } });
    const refused = household();
    const answered = household();
    await save(waiting, waiting.id, '2026-03-01T08:00:00.000Z');
    await save(refused, refused.id, '2026-03-01T08:10:00.000Z');
    await save(answered, answered.id, '2026-03-01T08:20:00.000Z');
    await outbox.applyReceipts(
      [
        { id: refused.id, rev: 1, status: 'rejected', code: 'RECORD_INVALID', message: 'payload.headName' },
        { id: answered.id, rev: 1, status: 'accepted', serverRef: 'TN-0001' },
      ],
      '2026-03-01T09:00:00.000Z',
    );
    await outbox.setState('lastSyncAt', '2026-03-01T09:00:00.000Z');
    await writeSetting(db, SETTINGS.lastExport, { fileId: 'file-1', at: '2026-03-01T08:30:00.000Z', records: 3 });

    const view = await queries.outboxView();
    expect(view.counts).toEqual({ pending: 1, quarantined: 1, oldestQueuedAt: '2026-03-01T08:00:00.000Z' });
    expect(view.pending.map((entry) => entry.id)).toEqual([waiting.id]);
    expect(view.quarantined.map((entry) => [entry.id, entry.reason.code])).toEqual([[refused.id, 'RECORD_INVALID']]);
    expect(view.recent.map((record) => [record.id, record.status, record.serverRef])).toEqual([[answered.id, 'sent', 'TN-0001']]);
    expect(view.names.map((record) => record.id).sort()).toEqual([waiting.id, refused.id].sort());
    expect(view.lastSyncAt).toBe('2026-03-01T09:00:00.000Z');
    expect(view.lastExport).toEqual({ fileId: 'file-1', at: '2026-03-01T08:30:00.000Z', records: 3 });
  });

  it('lists the 50 oldest of what waits, and counts them all', async () => {
    open();
    for (let i = 0; i < 51; i += 1) {
      const record = household();
      await save(record, record.id, new Date(Date.UTC(2026, 2, 1, 8, i)).toISOString());
    }
    const view = await queries.outboxView();
    expect(view.counts.pending).toBe(51);
    expect(view.pending).toHaveLength(50);
    expect(view.pending[0]?.queuedAt).toBe('2026-03-01T08:00:00.000Z');
    expect(view.pending[49]?.queuedAt).toBe('2026-03-01T08:49:00.000Z');
  });
});

describe('the read layer, for photos and settings', () => {
  it('shows a stored photo decrypted, a purged one as purged, and an unknown one as missing', async () => {
    open();
    const stored = await putAttachment(db, new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], { type: 'image/jpeg' }), '2026-03-01T08:00:00.000Z');
    const purged: PurgedAttachmentRow = { sha256: 'c'.repeat(64), mime: 'image/jpeg', bytes: 1234, createdAt: '2026-03-01T08:00:00.000Z', atRest: 'purged', purgedAt: '2026-03-02T08:00:00.000Z' };
    await db.attachments.put(purged);

    const photo = await queries.attachmentView(stored.sha256);
    expect(photo.kind === 'photo' && photo.blob.type).toBe('image/jpeg');
    expect(photo.kind === 'photo' && [...new Uint8Array(await photo.blob.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    expect(await queries.attachmentView(purged.sha256)).toEqual({ kind: 'purged', purgedAt: '2026-03-02T08:00:00.000Z' });
    expect(await queries.attachmentView('d'.repeat(64))).toEqual({ kind: 'missing' });
  });

  it('reads a setting through its schema: a value that no longer fits reads as absent', async () => {
    open();
    expect(await queries.setting(SETTINGS.photo)).toBeUndefined();
    await writeSetting(db, SETTINGS.photo, { longEdge: 640 });
    expect(await queries.setting(SETTINGS.photo)).toEqual({ longEdge: 640 });
    await db.settings.put({ key: SETTINGS.photo.key, value: { longEdge: 800 } });
    expect(await queries.setting(SETTINGS.photo)).toBeUndefined();
  });

  it('gives the lead’s key id from the lead-keys row, and nothing when the row holds no valid id', async () => {
    open();
    expect(await queries.leadKeyId()).toBeUndefined();
    const id = 'ab12cd34ef56ab78'.repeat(4);
    await db.settings.put({ key: SETTINGS.leadKeys.key, value: { encryptionKeyId: id } });
    expect(await queries.leadKeyId()).toBe(id);
    await db.settings.put({ key: SETTINGS.leadKeys.key, value: { encryptionKeyId: 'AB12' } });
    expect(await queries.leadKeyId()).toBeUndefined();
  });

  it('says which batch-file key rows the phone holds, by presence, without reading what they hold', async () => {
    open();
    expect(await queries.batchKeys()).toEqual({ lead: false, own: false });
    await db.settings.put({ key: SETTINGS.leadKeys.key, value: { encryptionKeyId: 'placeholder' } });
    expect(await queries.batchKeys()).toEqual({ lead: true, own: false });
    await db.settings.put({ key: SETTINGS.deviceKeys.key, value: { keyId: 'placeholder' } });
    expect(await queries.batchKeys()).toEqual({ lead: true, own: true });
  });
});
