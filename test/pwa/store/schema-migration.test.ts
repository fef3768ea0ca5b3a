import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LangsoDb } from '../../../pwa/store/db.ts';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V1 } from '../../../pwa/store/schema.ts';
import { household, resident } from '../helpers/records.ts';

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
