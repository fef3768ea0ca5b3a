import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../cli/db/open-database.ts';
import { canonicalSha256 } from '../../../cli/hashing/sha256.ts';
import { importWireRecords } from '../../../cli/intake/import-wire-records.ts';
import { LEAD_MIGRATIONS } from '../../../cli/workspace/migrations.ts';
import { createSqliteOutboxStore } from '../../../cli/workspace/sqlite-outbox-store.ts';
import type { Consent } from '../../../shared/domain/consent.ts';
import type { WireRecord } from '../../../shared/sync/protocol.ts';
import { testIds } from '../../shared/sync/helpers/entries.ts';
import { csv, langso, parseJson, scratch } from '../helpers/lead-cli.ts';
import { withoutIds } from '../../helpers/masked-output.ts';

const tmp = scratch('lead-report');
const ws = join(tmp.dir, 'ws');
afterAll(() => tmp.dispose());

/** Ages far from the 14 and 18 thresholds, so the figures do not depend on the day the test runs. */
const LIST = csv(
  'Nguyễn Văn An,1980-01-10,nam,096080123456,0912345678,32002,Ấp Tân Hòa',
  'Trần Văn Ba,1975-02-02,nam,,,32002,Ấp Tân Hòa',
  'Lê Thị Cúc,2010-05-05,nữ,096310555666,,32002,Ấp Tân Phong',
  'Phạm Văn Dũng,2020-02-02,nam,,,32002,Ấp Tân Phong',
  'Huỳnh Thị Em,1989-04-04,nữ,096199777888,,32002,Ấp Tân Hòa',
);
const PHONE_TIME = '2026-03-01T08:00:00.000Z';
/** After the lead's approval (real time), as receipts and decisions come. */
const later = (minutes: number): string => new Date(Date.now() + minutes * 60_000).toISOString();
const ids = testIds(11);
const residentId = ids.next();
const eidId = ids.next();
const dossierId = ids.next();

function wire(id: string, type: WireRecord['type'], payload: unknown, consent: Consent | null): WireRecord {
  return { id, type, rev: 1, hash: canonicalSha256(payload), payload, attachments: [], consent, createdAt: PHONE_TIME, updatedAt: PHONE_TIME, training: false };
}

const consent: Consent = {
  textVersion: 'dong-y-v1',
  purposes: ['eid_registration', 'dossier_filing'],
  dataCategories: ['identity', 'contact', 'address'],
  processor: 'UBND phường An Xuyên',
  rightsShown: true,
  givenAt: PHONE_TIME,
  method: 'tick',
  subjectName: 'Võ Văn Giàu',
  volunteerId: 'tnv-01',
};

beforeAll(async () => {
  expect((await langso(['init', '--team', 'Tổ Tân Hòa', '--commune', '32002', '--workspace', ws])).code).toBe(0);
  expect((await langso(['import', tmp.file('list.csv', LIST), '--volunteer', 'Lan', '--workspace', ws])).code).toBe(1);
  // A phone's records: a resident with consent, her e-ID application and a dossier.
  const db = openDatabase(join(ws, 'langso.db'), { migrations: LEAD_MIGRATIONS });
  try {
    const address = { provinceCode: '96', communeCode: '32002', hamlet: 'Ấp Tân Hòa' };
    const result = importWireRecords(
      db,
      {
        deviceId: 'device-1',
        file: { name: 'lan.langso', sha256: 'f'.repeat(64) },
        records: [
          wire(dossierId, 'dossier', { procedureCode: '1.001193', applicantResidentId: residentId, formValues: {}, documents: [], authMethod: 'sms_otp', status: 'ready' }, consent),
          wire(eidId, 'eid', { residentId, level: 2, ownPhone: '0987000111', chipCardInHand: true, status: 'ready' }, consent),
          wire(residentId, 'resident', { fullName: 'Võ Văn Giàu', dateOfBirth: '1970-10-10', sex: 'male', cccd: '096070222333', address }, consent),
        ],
        attachments: [],
      },
      { today: '2026-03-02', now: () => PHONE_TIME, ids },
    );
    expect(result).toMatchObject({ new: 3, invalid: 0 });
  } finally {
    db.close();
  }
  expect((await langso(['review', '--approve-all-valid', '--workspace', ws])).code).toBe(0);
  // The province receipts everything sent and decides on the e-ID and the dossier.
  const db2 = openDatabase(join(ws, 'langso.db'), { migrations: LEAD_MIGRATIONS });
  try {
    const store = createSqliteOutboxStore(db2);
    const queued = await store.peek({ maxRecords: 100, maxBytes: 10_000_000 });
    expect(queued).toHaveLength(7);
    await store.applyReceipts(queued.map((e) => ({ id: e.id, rev: e.rev, status: 'accepted' as const })), later(1));
    await store.applyUpdates(
      [
        { id: eidId, type: 'eid', status: 'activated', at: later(2) },
        { id: dossierId, type: 'dossier', status: 'received', serverRef: 'HS-000123', at: later(3) },
      ],
      'cursor-1',
    );
  } finally {
    db2.close();
  }
});

describe('langso status', () => {
  it('summarises records by type, review and sync state, and the province statuses', async () => {
    const run = await langso(['status', '--json', '--workspace', ws]);
    expect(run.code).toBe(0);
    const summary = parseJson<{ byType: { type: string; total: number; pending: number; sent: number }[]; province: unknown[] }>(run);
    expect(summary.byType).toEqual([
      expect.objectContaining({ type: 'dossier', total: 1, sent: 1 }),
      expect.objectContaining({ type: 'eid', total: 1, sent: 1 }),
      expect.objectContaining({ type: 'resident', total: 6, pending: 1, sent: 5 }),
    ]);
    expect(summary.province).toEqual(expect.arrayContaining([{ status: 'activated', count: 1 }, { status: 'received', count: 1 }]));
  });

  it('shows one record’s lifecycle by id: review, receipt and province decision', async () => {
    const run = await langso(['status', dossierId, '--json', '--workspace', ws]);
    expect(run.code).toBe(0);
    const record = parseJson<{ lifecycle: string; province: { serverRef: string }; history: { kind: string }[] }>(run);
    expect(record.lifecycle).toBe('received');
    expect(record.province.serverRef).toBe('HS-000123');
    expect(record.history.map((h) => h.kind)).toEqual(['imported', 'approved', 'receipt', 'decision']);
    const human = await langso(['status', dossierId, '--workspace', ws]);
    expect(human.stdout).toContain('đã tiếp nhận — HS-000123');
  });

  it('lists a hamlet whatever its case and diacritics', async () => {
    const run = await langso(['status', '--hamlet', 'ap tan phong', '--json', '--workspace', ws]);
    const { records } = parseJson<{ records: { fullName: string }[] }>(run);
    expect(records.map((r) => r.fullName).sort()).toEqual(['Lê Thị Cúc', 'Phạm Văn Dũng']);
    expect((await langso(['status', 'abc', '--hamlet', 'x', '--workspace', ws])).code).toBe(2);
  });
});

describe('langso report', () => {
  it('computes the province’s figures per commune and hamlet', async () => {
    const run = await langso(['report', '--json', '--workspace', ws]);
    expect(run.code).toBe(0);
    const report = parseJson<{
      totals: Record<string, unknown>;
      communes: { communeCode: string; hamlets: { hamlet: string; residents: number; eidAccounts: number }[] }[];
      eid: unknown[];
      dossiers: unknown[];
      headline: Record<string, unknown>;
    }>(run);
    expect(report.totals).toMatchObject({
      residents: 6,
      adults14: 5,
      adults14WithCccd: 3,
      adults18: 4,
      adults18WithCccd: 2,
      withConsent: 1,
      eidApplications: 1,
      eidAccounts: 1,
      dossiers: 1,
      dossiersFiled: 1,
      waiting: 1,
    });
    expect(report.headline).toMatchObject({ adults14WithCccdShare: 0.6, adults18WithCccdShare: 0.5, eidAccounts: 1, dossiersFiled: 1 });
    expect(report.communes.map((c) => c.communeCode)).toEqual(['32002']);
    expect(report.communes[0]?.hamlets).toEqual([
      expect.objectContaining({ hamlet: 'Ấp Tân Hòa', residents: 4, eidAccounts: 1 }),
      expect.objectContaining({ hamlet: 'Ấp Tân Phong', residents: 2, eidAccounts: 0 }),
    ]);
    expect(report.eid).toEqual([{ level: 2, status: 'activated', count: 1 }]);
    expect(report.dossiers).toEqual([{ procedureCode: '1.001193', procedureName: expect.any(String), status: 'received', count: 1 }]);
  });

  it('prints a table naming both adult ages', async () => {
    const run = await langso(['report', '--workspace', ws]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Từ 14 tuổi');
    expect(run.stdout).toContain('Từ 18 tuổi');
    expect(run.stdout).toContain('60,0');
  });

  it('writes an RFC 4180 CSV with a BOM, the same number of fields on every line', async () => {
    const out = join(tmp.dir, 'report.csv');
    const run = await langso(['report', '--format', 'csv', '--out', out, '--workspace', ws]);
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFsection,level,')).toBe(true);
    const lines = text.slice(1).split('\r\n').filter((l) => l !== '');
    expect(new Set(lines.map((l) => l.split(',').length)).size).toBe(1);
    expect(lines.some((l) => l.startsWith('eid,'))).toBe(true);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('writes one self-contained HTML page with inline charts, in Vietnamese or English', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const run = await langso(['--lang', lang, 'report', '--format', 'html', '--workspace', ws]);
      expect(run.code).toBe(0);
      const html = run.stdout;
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain('<svg');
      expect(html).toContain('<style>');
      expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
      expect(html).not.toMatch(/<script|<link|@import|url\(/i);
      expect(html).toContain(lang === 'vi' ? 'Báo cáo tiến độ' : 'Progress report');
    }
  });

  it('exits 2 on an unknown format', async () => {
    const run = await langso(['report', '--format', 'pdf', '--workspace', ws]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('table, csv, json, html');
  });
});

describe('langso export', () => {
  it('exports every record as CSV with a BOM for Excel, and says how many on stderr without IDs', async () => {
    const run = await langso(['export', '--workspace', ws]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('\uFEFFid,type,rev,fullName')).toBe(true);
    expect(run.stdout.trimEnd().split('\r\n')).toHaveLength(1 + 8);
    expect(run.stdout).toContain('096080123456');
    expect(withoutIds(run.stderr)).not.toMatch(/\d{10,}/);
  });

  it('filters by hamlet, status, type and dates', async () => {
    const count = async (...filters: string[]): Promise<number> => {
      const run = await langso(['export', '--format', 'json', ...filters, '--workspace', ws]);
      expect(run.code, filters.join(' ')).toBe(0);
      return parseJson<{ count: number }>(run).count;
    };
    expect(await count('--hamlet', 'ẤP TÂN PHONG')).toBe(2);
    expect(await count('--status', 'pending')).toBe(1);
    expect(await count('--status', 'activated')).toBe(1);
    expect(await count('--type', 'eid')).toBe(1);
    expect(await count('--from', '01/03/2026', '--to', '2026-03-01')).toBe(3);
    expect(await count('--type', 'resident', '--hamlet', 'Ấp Tân Hòa', '--status', 'sent')).toBe(3);
  });

  it('writes JSON with the domain payload of valid records and the typed input of invalid ones', async () => {
    const out = join(tmp.dir, 'export.json');
    expect((await langso(['export', '--json', '--type', 'resident', '--out', out, '--workspace', ws])).code).toBe(0);
    const { records } = JSON.parse(readFileSync(out, 'utf8')) as { records: { valid: boolean; payload: unknown; input: unknown }[] };
    expect(records).toHaveLength(6);
    expect(records.filter((r) => !r.valid)).toEqual([expect.objectContaining({ payload: null, input: expect.objectContaining({ cccd: '096199777888' }) })]);
  });

  it('exits 2 on a bad filter, naming the flag', async () => {
    const status = await langso(['export', '--status', 'done', '--workspace', ws]);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('--status');
    const date = await langso(['export', '--from', '31/02/2026', '--workspace', ws]);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--from');
  });
});
