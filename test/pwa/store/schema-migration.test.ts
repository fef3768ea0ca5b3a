import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LangsoDb } from '../../../pwa/store/db.ts';
import { sha256Hex } from '../../../shared/sync/canonical.ts';
import { toOutboxEntry } from '../../../shared/sync/outbox-entry.ts';
import { toWireRecord } from '../../../shared/sync/wire-record.ts';
import { encryptPlainAttachments } from '../../../pwa/store/attachment-migration.ts';
import { readAttachmentBytes, readAttachmentView } from '../../../pwa/store/attachments.ts';
import { DexieOutboxStore } from '../../../pwa/store/dexie-outbox-store.ts';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '../../../pwa/store/schema.ts';
import { household, resident } from '../helpers/records.ts';
import { fakeJpeg } from '../helpers/seal-setup.ts';

const name = `migration-${process.pid}`;
afterEach(async () => {
  await Dexie.delete(name);
});

describe('schema versions', () => {
  it('opens a database written by version 1 and finds every record, outbox row and setting', async () => {
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    const home = household();
    const people = [resident(home.id), resident(home.id, { payload: { ...resident(home.id).payload, fullName: 'Lê Thị Hai' } })];
    const rows = [home, ...people].map((record) => ({
      id: record.id,
      type: record.type,
      rev: record.rev,
      status: 'queued',
      householdId: home.id,
      updatedAt: record.updatedAt,
      searchKey: 'x',
      envelope: record,
    }));
    await old.table('records').bulkPut(rows);
    await old.table('outbox').put({ id: home.id, rev: 1, type: 'household', record: {}, bytes: 2, queuedAt: home.updatedAt, attempts: 0, quarantine: 0 });
    await old.table('settings').put({ key: 'device', value: { deviceId: 'd', volunteerName: 'v', enrolledAt: home.updatedAt } });
    old.close();

    const current = new LangsoDb(name);
    await current.open();
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect((await current.records.toArray()).map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(await current.outbox.count()).toBe(1);
    expect(await current.settings.get('device')).toBeDefined();
    // The index added in v2 serves the records written under v1.
    const households = await current.records.where('[type+updatedAt]').between(['household', Dexie.minKey], ['household', Dexie.maxKey]).toArray();
    expect(households.map((r) => r.id)).toEqual([home.id]);
    // v3 built the search keys of the households and residents written before it existed.
    expect((await current.searchKeys.toArray()).map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    current.close();
  });
});

describe('schema v4: photos encrypted at rest', () => {
  /** A database as version 3 of the app left it: photos as plaintext Blobs, a record queued with one. */
  async function v3Database(photos: readonly Uint8Array<ArrayBuffer>[]) {
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    const hashes: string[] = [];
    for (const bytes of photos) {
      const sha256 = await sha256Hex(bytes);
      hashes.push(sha256);
      await old.table('attachments').put({ sha256, blob: new Blob([bytes], { type: 'image/jpeg' }), mime: 'image/jpeg', bytes: bytes.length, createdAt: '2026-02-01T08:00:00.000Z' });
    }
    const base = household();
    const record = { ...base, consent: base.consent && { ...base.consent, method: 'signature' as const, signatureSha256: hashes[0] ?? '' } };
    await old.table('outbox').put({ ...toOutboxEntry(await toWireRecord(record), record.updatedAt), quarantine: 0 });
    old.close();
    return { hashes, record };
  }

  it('upgrades a version-3 database with plaintext photos: every photo reads before, during and after encryption', async () => {
    const photos = [fakeJpeg(11), fakeJpeg(12, 5000), fakeJpeg(13, 800)];
    const { hashes } = await v3Database(photos);

    const current = new LangsoDb(name);
    await current.open();
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    // Marked for the background pass; still readable as they are.
    expect((await current.attachments.toArray()).map((row) => row.atRest)).toEqual(['plain', 'plain', 'plain']);
    for (const [i, sha256] of hashes.entries()) expect(await readAttachmentBytes(current, sha256)).toEqual(photos[i]);

    expect(await encryptPlainAttachments(current)).toBe(3);
    for (const [i, sha256] of hashes.entries()) {
      const row = await current.attachments.get(sha256);
      expect(row).toMatchObject({ atRest: 'encrypted', mime: 'image/jpeg', bytes: photos[i]?.length });
      expect(row).not.toHaveProperty('blob');
      expect(await readAttachmentBytes(current, sha256)).toEqual(photos[i]);
      const view = await readAttachmentView(current, sha256);
      expect(view.kind).toBe('photo');
    }
    // A second pass (the next session) finds nothing left to do.
    expect(await encryptPlainAttachments(current)).toBe(0);
    current.close();
  });

  it('indexes the photos of outbox rows written under version 3, so their receipt purges them', async () => {
    const photo = fakeJpeg(14);
    const { hashes, record } = await v3Database([photo]);
    const current = new LangsoDb(name);
    const [sha256] = hashes as [string];
    expect(await current.outbox.where('record.attachments').equals(sha256).count()).toBe(1);
    // Purged straight from the plaintext form: a receipt may come before the background pass.
    await new DexieOutboxStore(current).applyReceipts([{ id: record.id, rev: 1, status: 'accepted' }], '2026-03-02T08:00:00.000Z');
    expect(await current.attachments.get(sha256)).toMatchObject({ atRest: 'purged' });
    expect(await current.attachments.get(sha256)).not.toHaveProperty('blob');
    expect(await encryptPlainAttachments(current)).toBe(0);
    current.close();
  });
});

describe('schema v5: drafts and history', () => {
  it('opens a version-4 database with its records untouched, and empty drafts and history ready for the next save', async () => {
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    old.version(4).stores(SCHEMA_V4);
    const home = household();
    await old.table('records').put({ id: home.id, type: home.type, rev: 1, status: 'queued', householdId: home.id, updatedAt: home.updatedAt, searchKey: 'x', envelope: home });
    old.close();

    const current = new LangsoDb(name);
    await current.open();
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect((await current.records.get(home.id))?.envelope).toEqual(home);
    expect(await current.drafts.count()).toBe(0);
    expect(await current.revisions.where('id').equals(home.id).count()).toBe(0);
    current.close();
  });
});
