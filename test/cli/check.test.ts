import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseResidentsCsv } from '../../cli/input/parse-residents-csv.ts';
import { parseResidentsJson } from '../../cli/input/parse-residents-json.ts';
import { readUtf8File } from '../../cli/input/read-utf8-file.ts';
import { isUserError } from '../../cli/program/user-error.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = (name: string) => join('fixtures', 'check', name);
const tmp = mkdtempSync(join(tmpdir(), 'langso-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEADER = 'fullName,dateOfBirth,sex,cccd,phone,communeCode,hamlet';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node bin/langso.js …` from the repository root, as a user would run it. */
function langso(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/langso.js', ...args],
      { cwd: root, env: { PATH: process.env['PATH'] ?? '', LANG: 'C', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

function userErrorOf(fn: () => unknown): { code: string; params: Readonly<Record<string, string | number>> } {
  try {
    fn();
  } catch (error) {
    if (isUserError(error)) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('langso check (child process)', () => {
  it('exits 0 on a file of valid residents and says so', async () => {
    const run = await langso(['check', fixture('residents-valid.csv')]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('fixtures/check/residents-valid.csv: cả 10 bản ghi đều hợp lệ.\n');
    expect(run.code).toBe(0);
  });

  it('exits 1 with one line per problem naming record, CSV line, field and message, then a summary', async () => {
    const run = await langso(['check', fixture('residents-mistakes.csv')]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(18);
    expect(lines[0]).toBe(
      'Bản ghi 1 (dòng 2) [cccd] Số định danh cá nhân: chữ số thứ 4 là 3 (nữ, sinh 2000–2099) nhưng năm sinh là 1999; chữ số đúng là 1.',
    );
    expect(lines).toContain('Bản ghi 15 (dòng 16) [hamlet] Ấp/khóm: chưa nhập.');
    expect(lines.at(-1)).toBe('fixtures/check/residents-mistakes.csv: 18 bản ghi, 1 hợp lệ, 17 có lỗi (17 lỗi).');
  });

  it('--json prints exactly one JSON object with 0-based indexes and stable codes', async () => {
    const run = await langso(['check', fixture('residents-mistakes.csv'), '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { records: number; valid: number; issues: Record<string, unknown>[] };
    expect(Object.keys(report)).toEqual(['records', 'valid', 'issues']);
    expect(report.records).toBe(18);
    expect(report.valid).toBe(1);
    expect(report.issues[0]).toEqual({
      index: 0,
      line: 2,
      field: 'cccd',
      code: 'CCCD_CENTURY_SEX',
      message: expect.stringContaining('chữ số thứ 4 là 3'),
    });
    expect(report.issues.map((i) => i['code'])).toEqual([
      'CCCD_CENTURY_SEX',
      'CCCD_CENTURY_SEX',
      'CCCD_YEAR',
      'CCCD_PROVINCE',
      'CCCD_FORMAT',
      'CCCD_LEGACY_CMND',
      'PHONE_FORMAT',
      'DOB_FORMAT',
      'DOB_FUTURE',
      'NAME_REQUIRED',
      'NAME_CHARS',
      'SEX_INVALID',
      'COMMUNE_UNKNOWN',
      'COMMUNE_UNKNOWN',
      'HAMLET_REQUIRED',
      'DUPLICATE_CCCD',
      'DUPLICATE_CCCD',
    ]);
    expect(report.issues.at(-1)).toMatchObject({ index: 16, message: expect.stringContaining('bản ghi số 16') });
  });

  it('--lang en speaks English, and so does LANG=en_US.UTF-8', async () => {
    const flag = await langso(['check', fixture('residents-mistakes.csv'), '--lang', 'en']);
    expect(flag.stdout.split('\n')[0]).toBe(
      'Record 1 (line 2) [cccd] Personal ID number: digit 4 is 3 (female, born 2000–2099) but the birth year is 1999; the right digit is 1.',
    );
    const env = await langso(['check', fixture('residents-valid.csv')], { LANG: 'en_US.UTF-8' });
    expect(env.stdout).toBe('fixtures/check/residents-valid.csv: all 10 records are valid.\n');
  });

  it('exits 2 on a CSV with an unclosed quote, naming the line, with no stack trace', async () => {
    const run = await langso(['check', fixture('residents-broken.csv'), '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('Tệp fixtures/check/residents-broken.csv, dòng 4: dấu ngoặc kép (") mở ở đây không được đóng.\n');
  });

  it('exits 2 on a missing file', async () => {
    const run = await langso(['check', 'fixtures/check/no-such-file.csv', '--lang', 'en']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'File fixtures/check/no-such-file.csv not found.\n' });
  });

  it('exits 2 on a file that is not text (an Excel workbook)', async () => {
    const xlsx = tempFile('residents.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    const run = await langso(['check', xlsx, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not UTF-8 text');
  });

  it('reads a JSON array: exit 0 when valid, exit 2 naming the line when it is not JSON', async () => {
    const ok = await langso(['check', fixture('residents-valid.json'), '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ records: 6, valid: 6, issues: [] });
    const broken = tempFile('broken.json', '[\n  {"fullName": "Lê Văn Tám",\n  "sex": "nam"\n  "hamlet": "Ấp 1"}\n]\n');
    const run = await langso(['check', broken, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^File .*broken\.json, line 4: not valid JSON \(.+\)\.\n$/);
  });

  it('accepts an Excel CSV: UTF-8 BOM, CRLF line ends, quoted commas, quotes and line breaks', async () => {
    const csv =
      `\uFEFF${HEADER}\r\n` +
      'Thạch Sô-phia,14/01/1992,Nữ,095192500806,0376 112 205,31825,"Khóm Đầu Lộ, phường 7 cũ"\r\n' +
      'Huỳnh Thị Bích Tuyền,17/02/1990,nu,095190000469,,31957,"Ấp ""Xóm Lớn""\r\ntổ 3"\r\n' +
      'Lê Văn 3,17/02/1990,nam,,,31957,Ấp 1\r\n';
    const run = await langso(['check', tempFile('excel.csv', csv), '--json']);
    const report = JSON.parse(run.stdout) as { records: number; valid: number; issues: { index: number; line: number; code: string }[] };
    expect(report).toMatchObject({ records: 3, valid: 2 });
    expect(report.issues).toEqual([expect.objectContaining({ index: 2, line: 5, code: 'NAME_CHARS' })]);
    expect(run.code).toBe(1);
  });
});

describe('parseResidentsCsv', () => {
  it('maps columns by header name in any order and case, keeping quoted commas and quotes', () => {
    const rows = parseResidentsCsv(
      'hamlet,FullName,dateOfBirth,sex,cccd,phone,communeCode\n"Ấp 3, tổ ""A""","Nguyễn Văn An",1/2/1990,nam,,,32002\n',
      'a.csv',
    );
    expect(rows).toEqual([
      {
        index: 0,
        line: 2,
        input: {
          hamlet: 'Ấp 3, tổ "A"',
          fullName: 'Nguyễn Văn An',
          dateOfBirth: '1/2/1990',
          sex: 'nam',
          cccd: '',
          phone: '',
          communeCode: '32002',
        },
      },
    ]);
  });

  it('skips blank lines and rows of empty cells, and counts lines from where each record starts', () => {
    const rows = parseResidentsCsv(`${HEADER},house\n\nA,1/1/1990,nam,,,32002,"Ấp\n1",\n,,,,,,,\nB,1/1/1990,nam,,,32002,Ấp 2,12\n`, 'a.csv');
    expect(rows.map((r) => [r.index, r.line, r.input.fullName, r.input.house])).toEqual([
      [0, 3, 'A', ''],
      [1, 6, 'B', '12'],
    ]);
  });

  it('counts a CRLF inside a quoted cell as one line break', () => {
    const rows = parseResidentsCsv(`${HEADER}\r\nA,1/1/1990,nam,,,32002,"Ấp 1\r\ntổ 2\r\nnhà 3"\r\n\r\nB,1/1/1990,nam,,,32002,Ấp 2\r\n`, 'a.csv');
    expect(rows.map((r) => r.line)).toEqual([2, 6]);
  });

  it('reads a file in slices of records the same as all at once, line numbers included', () => {
    const body = [
      'A,1/1/1990,nam,,,32002,"Ấp 1\r\ntổ 2"',
      '',
      'B,1/1/1990,nam,,,32002,"Ấp ""2"", tổ 3"',
      ',,,,,,',
      '"C\nD",1/1/1990,nam,,,32002,Ấp 3',
      'E,1/1/1990,nam,,,32002,Ấp 4',
    ];
    const text = `\uFEFF${HEADER}\r\n${body.join('\r\n')}\r\n`;
    const whole = parseResidentsCsv(text, 'a.csv');
    expect(whole.map((r) => [r.index, r.line, r.input.fullName])).toEqual([
      [0, 2, 'A'],
      [1, 5, 'B'],
      [2, 7, 'C\nD'],
      [3, 9, 'E'],
    ]);
    for (const slice of [1, 2, 3]) expect(parseResidentsCsv(text, 'a.csv', slice)).toEqual(whole);
  });

  it('names the right line for a broken record in a later slice', () => {
    const text = `${HEADER}\nA,1/1/1990,nam,,,32002,Ấp 1\nB,1/1/1990,nam,,,32002,Ấp 1\n"C,1/1/1990,nam,,,32002,Ấp 1\n`;
    for (const slice of [1, 2, 4096]) {
      expect(userErrorOf(() => parseResidentsCsv(text, 'a.csv', slice)).params).toMatchObject({ line: 4 });
    }
  });

  it.each([
    ['an empty file', '', 'CSV_EMPTY', {}],
    ['a missing column', 'fullName,dateOfBirth,sex,cccd,phone,communeCode\n', 'CSV_COLUMN_MISSING', { missing: 'hamlet' }],
    ['an unknown column', `${HEADER},ghiChu\n`, 'CSV_COLUMN_UNKNOWN', { column: 'ghiChu' }],
    ['a repeated column', `${HEADER},phone\n`, 'CSV_COLUMN_DUPLICATE', { column: 'phone' }],
    ['a row with an extra cell', `${HEADER}\nA,1/1/1990,nam,,,32002,Ấp 1\nB,1/1/1990,nam,,,32002,Ấp 1, tổ 2\n`, 'CSV_FIELD_COUNT', { line: 3, actual: 8, expected: 7 }],
    ['an unclosed quote', `${HEADER}\nA,1/1/1990,nam,,,32002,Ấp 1\n\n"B,1/1/1990,nam,,,32002,Ấp 1\nC,1/1/1990\n`, 'CSV_QUOTE_NOT_CLOSED', { line: 4 }],
    ['text after a closing quote', `${HEADER}\n"A"x,1/1/1990,nam,,,32002,Ấp 1\n`, 'CSV_QUOTE_INVALID', { line: 2 }],
  ])('refuses %s', (_name, text, code, params) => {
    const error = userErrorOf(() => parseResidentsCsv(text, 'a.csv'));
    expect(error.code).toBe(code);
    expect(error.params).toMatchObject({ path: 'a.csv', ...params });
  });
});

describe('parseResidentsJson', () => {
  it('takes numbers as text and null as absent', () => {
    expect(parseResidentsJson('[{"fullName":"A","communeCode":32002,"phone":null}]', 'a.json')).toEqual([
      { index: 0, input: { fullName: 'A', communeCode: '32002' } },
    ]);
  });

  it.each([
    ['not an array', '{"fullName":"A"}', 'JSON_NOT_ARRAY', {}],
    ['an element that is not an object', '[{"fullName":"A"}, 3]', 'JSON_RECORD_NOT_OBJECT', { record: 2 }],
    ['a field that is not text', '[{"fullName":["A"]}]', 'JSON_FIELD_TYPE', { record: 1, field: 'fullName' }],
    ['broken JSON', '[\n{"fullName": "A",}\n]', 'JSON_INVALID', { line: 2 }],
    ['JSON cut short', '[\n{"fullName": "A"', 'JSON_INVALID', { line: 2 }],
  ])('refuses %s', (_name, text, code, params) => {
    const error = userErrorOf(() => parseResidentsJson(text, 'a.json'));
    expect(error.code).toBe(code);
    expect(error.params).toMatchObject(params);
  });
});

describe('readUtf8File', () => {
  async function codeOf(path: string): Promise<string> {
    try {
      await readUtf8File(path);
    } catch (error) {
      if (isUserError(error)) return error.code;
      throw error;
    }
    return 'read';
  }

  it('reads UTF-8 text, and names a folder, a missing file and a binary or UTF-16 file', async () => {
    expect(await codeOf(tempFile('ok.csv', 'Nguyễn Văn Tâm\n'))).toBe('read');
    expect(await codeOf(tmp)).toBe('FILE_IS_DIRECTORY');
    expect(await codeOf(join(tmp, 'missing.csv'))).toBe('FILE_NOT_FOUND');
    expect(await codeOf(tempFile('latin1.csv', new Uint8Array([0x4e, 0x67, 0xe3, 0x0a])))).toBe('INPUT_NOT_TEXT');
    expect(await codeOf(tempFile('utf16.csv', new Uint8Array([0xff, 0xfe, 0x4e, 0x00])))).toBe('INPUT_NOT_TEXT');
  });
});
