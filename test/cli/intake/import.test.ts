import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, langso, parseJson, PEOPLE, readDb, scratch } from '../helpers/lead-cli.ts';
import { withoutIds } from '../../helpers/masked-output.ts';

const tmp = scratch('lead-import');
const ws = join(tmp.dir, 'ws');
afterAll(() => tmp.dispose());
beforeAll(async () => {
  expect((await langso(['init', '--team', 'Tổ Tân Hòa', '--commune', '32002', '--workspace', ws])).code).toBe(0);
});

interface FileResult {
  file: string;
  kind: string;
  source: string;
  records: number;
  new: number;
  changed: number;
  unchanged: number;
  duplicate: number;
  possibleDuplicate: number;
  invalid: number;
  problems: { index: number; record: number; line: number | null; field: string; code: string; message: string }[];
}

const snapshot = () =>
  readDb(ws, (db) => ({
    records: db.prepare('SELECT id, rev, raw_sha256, updated_at, review_state FROM records ORDER BY id').all(),
    imports: db.prepare('SELECT count(*) AS n FROM imports').get(),
  }));

describe('langso import (plain JSON/CSV lists)', () => {
  const lan = tmp.file('lan.csv', csv(PEOPLE.an, PEOPLE.binh, PEOPLE.cuong, PEOPLE.dung, PEOPLE.em));
  const hoaRows = [
    { fullName: 'Nguyễn Văn Ân', dateOfBirth: '1985-03-12', sex: 'nam', cccd: '096085123456', phone: '', communeCode: '31942', hamlet: 'Khóm 1' },
    { fullName: 'TRẦN THỊ BÌNH', dateOfBirth: '1990-08-12', sex: 'female', cccd: '', phone: '', communeCode: '32002', hamlet: 'ấp tân hòa' },
  ];
  const hoa = tmp.file('hoa.json', JSON.stringify(hoaRows));

  it('stores each row with its issues and counts new, duplicate and invalid rows, with the line of each problem', async () => {
    const run = await langso(['import', lan, '--volunteer', 'Lê Thị Lan', '--workspace', ws, '--json']);
    expect(run.code).toBe(1); // one invalid row is a problem found
    const { files, failed } = parseJson<{ files: FileResult[]; failed: unknown[] }>(run);
    expect(failed).toEqual([]);
    expect(files[0]).toMatchObject({ kind: 'csv', source: 'Lê Thị Lan', records: 5, new: 5, changed: 0, unchanged: 0, invalid: 1 });
    expect(files[0]?.problems).toEqual([
      expect.objectContaining({ index: 4, record: 5, line: 6, field: 'cccd', code: 'CCCD_YEAR' }),
    ]);
    expect(files[0]?.problems[0]?.message).toContain('89');
    const rows = readDb(ws, (db) => db.prepare('SELECT type, rev, valid, payload, review_state, sync_state FROM records').all());
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => (r as { type: string; rev: number }).type === 'resident' && (r as { rev: number }).rev === 1)).toBe(true);
    const stored = readDb(ws, (db) => db.prepare("SELECT payload FROM records WHERE cccd = '096190654321'").pluck().get());
    expect(JSON.parse(String(stored))).toEqual({
      fullName: 'Trần Thị Bình',
      dateOfBirth: '1990-08-12',
      sex: 'female',
      cccd: '096190654321',
      phone: '0987654321',
      address: { provinceCode: '96', communeCode: '32002', hamlet: 'Ấp Tân Hòa' },
    });
  });

  it('finds duplicates across volunteers: the same CCCD, and the same folded name, birth date and hamlet', async () => {
    const run = await langso(['import', hoa, '--workspace', ws, '--json']);
    expect(run.code).toBe(0);
    const [file] = parseJson<{ files: FileResult[] }>(run).files;
    expect(file).toMatchObject({ kind: 'json', source: 'hoa.json', new: 2, duplicate: 1, possibleDuplicate: 1, invalid: 0 });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = snapshot();
    const run = await langso(['import', lan, '--volunteer', 'Lê Thị Lan', '--workspace', ws]);
    const again = await langso(['import', hoa, '--workspace', ws, '--json']);
    expect(parseJson<{ files: FileResult[] }>(again).files[0]).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
    expect(run.stdout).toMatch(/lan\.csv: 5 bản ghi — mới 0, thay đổi 0, không đổi 5/);
    expect(snapshot()).toEqual(before);
  });

  it('updates the rows of an edited file (a new rev, back to review) and adds the new ones', async () => {
    const fixed = PEOPLE.em.replace('096199777888', '096189777888'); // the CCCD corrected
    const moved = PEOPLE.cuong.replace('Ấp Tân Phong', 'Ấp Tân Hòa');
    const edited = tmp.file('lan.csv', csv(PEOPLE.an, PEOPLE.binh, moved, PEOPLE.dung, fixed, 'Võ Văn Giàu,1970-10-10,nam,096070000111,,32002,Ấp Tân Phong'));
    const run = await langso(['import', edited, '--volunteer', 'Lê Thị Lan', '--workspace', ws, '--json']);
    expect(run.code).toBe(0);
    expect(parseJson<{ files: FileResult[] }>(run).files[0]).toMatchObject({ records: 6, new: 1, changed: 2, unchanged: 3, invalid: 0 });
    const em = readDb(ws, (db) => db.prepare("SELECT rev, valid, cccd FROM records WHERE full_name = 'Huỳnh Thị Em'").all());
    expect(em).toEqual([{ rev: 2, valid: 1, cccd: '096189777888' }]);
  });

  it('refuses a missing or broken file with exit 2 and a message naming it, and still imports the others', async () => {
    const broken = tmp.file('broken.csv', `${'fullName,dateOfBirth\r\n'}"unterminated,1990-01-01\r\n`);
    const other = tmp.file('other.csv', csv('Đặng Thị Hạnh,1995-05-05,nữ,096195222333,,32002,Ấp Tân Hòa'));
    const run = await langso(['import', join(tmp.dir, 'missing.csv'), broken, other, '--workspace', ws, '--json']);
    expect(run.code).toBe(2);
    const out = parseJson<{ files: FileResult[]; failed: { file: string; code: string; message: string }[] }>(run);
    expect(out.failed.map((f) => f.code)).toEqual(['FILE_NOT_FOUND', expect.stringMatching(/^CSV_/)]);
    expect(out.files.map((f) => f.new)).toEqual([1]);
    expect(run.stderr).toContain('missing.csv');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('recognises a sealed batch file by its magic bytes and hands it to the sealed importer, which writes nothing here', async () => {
    const before = snapshot();
    const sealed = tmp.file('from-phone.bin', Uint8Array.of(0x89, 0x4c, 0x41, 0x4e, 0x47, 0x53, 0x4f, 0x0a, 0, 1, 2, 3));
    const run = await langso(['import', sealed, '--workspace', ws, '--json']);
    expect(run.code).toBe(2);
    // No phone ever enrolled with this workspace's hub: nothing to check the file against
    // (test/cli/seal-import covers real sealed files).
    expect(parseJson<{ failed: { code: string }[] }>(run).failed.map((f) => f.code)).toEqual(['LEAD_SEALED_NO_HUB']);
    expect(run.stderr).toContain('langso hub');
    expect(snapshot()).toEqual(before);
  });

  it('never prints a full CCCD or phone number', async () => {
    const run = await langso(['import', lan, '--workspace', ws]);
    expect(withoutIds(`${run.stdout}${run.stderr}`)).not.toMatch(/\d{10,}/);
  });
});
