import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { askPersistenceOnce, storageUse, unsyncedTooLong } from '../../../pwa/store/persistence.ts';
import { readSetting, SETTINGS } from '../../../pwa/store/settings-registry.ts';
import { freshDb } from '../helpers/fresh-db.ts';

let db: LangsoDb;
afterEach(async () => {
  await db.delete();
});

describe('storage persistence', () => {
  it('asks the browser once granted, and keeps the answer to show', async () => {
    db = freshDb();
    let asked = 0;
    const storage = { persist: async () => { asked += 1; return true; } };
    await askPersistenceOnce(db, storage, '2026-03-01T08:00:00.000Z');
    await askPersistenceOnce(db, storage, '2026-03-01T09:00:00.000Z');
    expect(asked).toBe(1);
    expect(await readSetting(db, SETTINGS.persist)).toEqual({ granted: true, supported: true, at: '2026-03-01T08:00:00.000Z' });
  });

  it('asks again after a refusal, since browsers may grant later', async () => {
    db = freshDb();
    const answers = [false, true];
    const storage = { persist: async () => answers.shift() ?? false };
    expect((await askPersistenceOnce(db, storage, '2026-03-01T08:00:00.000Z')).granted).toBe(false);
    expect((await askPersistenceOnce(db, storage, '2026-03-02T08:00:00.000Z')).granted).toBe(true);
  });

  it('records that the browser has no persist() at all', async () => {
    db = freshDb();
    expect(await askPersistenceOnce(db, undefined, '2026-03-01T08:00:00.000Z')).toEqual({ granted: false, supported: false, at: '2026-03-01T08:00:00.000Z' });
  });

  it('warns from 80 % of the quota', async () => {
    db = freshDb();
    expect((await storageUse({ estimate: async () => ({ usage: 79, quota: 100 }) }))?.warn).toBe(false);
    expect((await storageUse({ estimate: async () => ({ usage: 80, quota: 100 }) }))?.warn).toBe(true);
    expect(await storageUse({})).toBeUndefined();
  });

  it('warns when the oldest unsent record is more than three days old', () => {
    db = freshDb();
    const now = new Date('2026-03-04T08:00:01.000Z');
    expect(unsyncedTooLong('2026-03-01T08:00:00.000Z', now)).toBe(true);
    expect(unsyncedTooLong('2026-03-01T08:00:02.000Z', now)).toBe(false);
    expect(unsyncedTooLong(undefined, now)).toBe(false);
  });
});
