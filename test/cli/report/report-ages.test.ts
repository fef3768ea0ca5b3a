import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../cli/db/open-database.ts';
import { importResidentRows, type ResidentRow } from '../../../cli/intake/import-residents.ts';
import { LEAD_MIGRATIONS } from '../../../cli/workspace/migrations.ts';
import { computeReport } from '../../../cli/report/report-compute.ts';
import { runScriptedReview } from '../../../cli/review/review-scripted.ts';
import { testIds } from '../../shared/sync/helpers/entries.ts';

const dir = mkdtempSync(join(tmpdir(), 'langso-ages-'));
const db = openDatabase(join(dir, 'langso.db'), { migrations: LEAD_MIGRATIONS });
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const TODAY = '2026-06-15';
const config = { team: 'T', communeCode: '32002', createdAt: '2026-01-01T00:00:00.000Z' };
const person = (index: number, fullName: string, dateOfBirth: string, cccd: string, hamlet = 'Ấp 1'): ResidentRow => ({
  index,
  input: { fullName, dateOfBirth, sex: 'nam', cccd, communeCode: '32002', hamlet },
});

describe('report figures', () => {
  it('counts someone as 14 (and 18) from their birthday on, in the commune and hamlet they live in', () => {
    importResidentRows(
      db,
      [
        person(0, 'Mười Bốn Hôm Nay', '2012-06-15', '096212000001'),
        person(1, 'Mười Bốn Ngày Mai', '2012-06-16', '096212000002'),
        person(2, 'Mười Tám Hôm Nay', '2008-06-15', '096208000003', 'ấp 2'),
        person(3, 'Mười Tám Ngày Mai', '2008-06-16', '096208000004', 'Ấp 2'),
      ],
      { file: { name: 'a.csv', kind: 'csv' }, source: 'a', deviceId: 'lead', today: TODAY, now: () => '2026-06-15T00:00:00.000Z', ids: testIds(5) },
    );
    const report = computeReport(db, config, TODAY, '2026-06-15T01:00:00.000Z');
    expect(report.totals).toMatchObject({ residents: 4, adults14: 3, adults14WithCccd: 3, adults18: 1, adults18WithCccd: 1 });
    expect(report.communes[0]?.hamlets.map((h) => [h.hamlet, h.residents])).toEqual([
      ['Ấp 1', 2],
      ['Ấp 2', 2],
    ]);
    expect(report.totals.oldestWaitingAt).toBe('2026-06-15T00:00:00.000Z');
  });

  it('counts one person once when two volunteers registered the same CCCD, and leaves out rejected records', () => {
    importResidentRows(db, [person(0, 'Mười Bốn Hôm Nay', '2012-06-15', '096212000001')], {
      file: { name: 'b.csv', kind: 'csv' },
      source: 'b',
      deviceId: 'lead',
      today: TODAY,
      now: () => '2026-06-15T02:00:00.000Z',
      ids: testIds(6),
    });
    expect(computeReport(db, config, TODAY, '').totals.residents).toBe(4);
    const id = db.prepare("SELECT id FROM records WHERE full_name = 'Mười Tám Ngày Mai'").pluck().get() as string;
    runScriptedReview(db, { approveAllValid: false, approve: [], reject: { id, reason: 'chuyển đi' } }, () => '2026-06-15T03:00:00.000Z');
    expect(computeReport(db, config, TODAY, '').totals).toMatchObject({ residents: 3, waiting: 4 });
  });
});
