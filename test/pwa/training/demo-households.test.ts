import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordEnvelopeSchema } from '../../../shared/domain/records.ts';
import { validateResidentInput } from '../../../shared/validate/resident.ts';
import { DemoRowsSchema, demoRecords, saveDemoRecords } from '../../../pwa/training/demo-households.ts';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { freshDb } from '../helpers/fresh-db.ts';

const rows = v.parse(DemoRowsSchema, JSON.parse(readFileSync('fixtures/demo/households.json', 'utf8')));
const author = { deviceId: 'may-tap-huan', training: true, now: new Date('2026-11-27T02:00:00.000Z') };
let db: LangsoDb | undefined;

afterEach(async () => {
  db?.close();
  db = undefined;
});

describe('the trainers’ demo households on a phone in training mode', () => {
  it('become one household record per family and one resident record per member, all training, all consented', () => {
    const items = demoRecords(rows, author);
    const households = items.filter((item) => item.record.type === 'household');
    const residents = items.filter((item) => item.record.type === 'resident');
    expect(households).toHaveLength(new Set(rows.map((row) => row.householdId)).size);
    expect(residents).toHaveLength(rows.length);
    for (const { record } of items) {
      expect(v.is(RecordEnvelopeSchema, record)).toBe(true);
      expect(record.training).toBe(true);
      expect(record.consent?.subjectName).toBeTruthy();
    }
    // Each member points at its household's record, which carries the head's name.
    const byId = new Map(households.map((item) => [item.record.id, item.record]));
    for (const { record, householdId } of residents) {
      expect(record.type === 'resident' && record.payload.householdId).toBe(householdId);
      expect(byId.has(householdId)).toBe(true);
    }
  });

  it('keeps every resident valid under the doorstep rules', () => {
    for (const { record } of demoRecords(rows, author)) {
      if (record.type !== 'resident') continue;
      const { payload } = record;
      const input = {
        fullName: payload.fullName,
        dateOfBirth: payload.dateOfBirth,
        sex: payload.sex,
        cccd: payload.cccd ?? '',
        phone: payload.phone ?? '',
        communeCode: payload.address.communeCode,
        hamlet: payload.address.hamlet,
      };
      expect(validateResidentInput(input, { today: '2026-11-27' }).issues).toEqual([]);
    }
  });

  it('are saved in one go, each queued in the outbox with its search key', async () => {
    db = freshDb();
    const items = demoRecords(rows.slice(0, 40), author);
    expect(await saveDemoRecords(db, items, author.now.toISOString())).toBe(items.length);
    expect(await db.records.count()).toBe(items.length);
    expect(await db.outbox.count()).toBe(items.length);
    expect(await db.searchKeys.count()).toBe(items.length);
    const outbox = await db.outbox.toArray();
    expect(outbox.every((row) => row.record.training && row.quarantine === 0)).toBe(true);
  });
});
