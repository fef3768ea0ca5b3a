import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../pwa/session/create-session.ts';
import { createDirtyFlag } from '../../../pwa/session/dirty-flag.ts';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { saveRecord } from '../../../pwa/store/save-record.ts';
import { readSetting, SETTINGS, writeSetting } from '../../../pwa/store/settings-registry.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { household } from '../helpers/records.ts';

let db: LangsoDb;
afterEach(async () => {
  await db.delete();
});

function session(mode: 'real' | 'training', persist: () => Promise<boolean> = async () => true) {
  const device = { deviceId: 'training-1', volunteerName: 'Người Tập', enrolledAt: '2026-03-01T08:00:00.000Z' };
  return createSession({
    env: { fetch, storage: { persist }, clock: () => new Date('2026-03-01T08:00:00.000Z'), prefs: { getItem: () => null, setItem: () => undefined }, events: new EventTarget(), isVisible: () => true, isOnline: () => true, reload: () => undefined },
    db,
    mode,
    device,
    dirty: createDirtyFlag(),
    setMode: () => undefined,
  });
}

describe('a session', () => {
  it('resets training data in one step and keeps the volunteer’s setup', async () => {
    db = freshDb();
    await writeSetting(db, SETTINGS.device, { deviceId: 'training-1', volunteerName: 'Người Tập', enrolledAt: '2026-03-01T08:00:00.000Z' });
    const record = household({ training: true });
    await saveRecord(db, { record, searchKey: 'x', householdId: record.id, at: record.updatedAt });
    // The device's keys and the at-rest key belong to the setup; the sync cursor to the data.
    await db.settings.bulkPut([
      { key: 'seal:deviceKeys', value: { keyId: 'k' } },
      { key: 'seal:leadKeys', value: { encryptionKeyId: 'e' } },
      { key: 'atRest:key', value: 'key' },
      { key: 'sync:updatesCursor', value: 'c-9' },
    ]);
    await session('training').resetTraining();
    expect((await db.settings.toCollection().primaryKeys()).sort()).toEqual(['atRest:key', 'device', 'seal:deviceKeys', 'seal:leadKeys']);
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.searchKeys.count()).toBe(0);
    expect(await readSetting(db, SETTINGS.device)).toMatchObject({ deviceId: 'training-1' });
  });

  it('never resets real data', async () => {
    db = freshDb();
    const record = household();
    await saveRecord(db, { record, searchKey: 'x', at: record.updatedAt });
    await session('real').resetTraining();
    expect(await db.records.count()).toBe(1);
  });

  it('marks records written in training mode as training', () => {
    db = freshDb();
    expect(session('training').author().training).toBe(true);
    expect(session('real').author().training).toBe(false);
  });

  it('asks the browser to keep the data after the first save, and records its answer', async () => {
    db = freshDb();
    const record = household();
    const stored = await saveRecord(db, { record, searchKey: 'x', at: record.updatedAt });
    await session('real', async () => false).afterSave(stored);
    expect(await readSetting(db, SETTINGS.persist)).toEqual({ granted: false, supported: true, at: '2026-03-01T08:00:00.000Z' });
  });
});
