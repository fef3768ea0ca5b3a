import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'langso.js');
/** Several `langso` child processes on a busy 2-core machine. */
const CHILD_PROCESS_TIMEOUT_MS = 300_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `langso` as a child process, the way a trainer does. */
function langso(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', LANG: 'vi_VN.UTF-8', LC_ALL: '' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

interface CheckReport {
  records: number;
  valid: number;
  issues: { index: number; field: string; code: string }[];
}

async function check(path: string): Promise<{ code: number; report: CheckReport }> {
  const run = await langso('check', path, '--json');
  return { code: run.code, report: JSON.parse(run.stdout) as CheckReport };
}

interface Label {
  index: number;
  code: string;
  field: string;
}
const byIndexThenCode = (a: Label, b: Label) => a.index - b.index || a.code.localeCompare(b.code);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'langso-fixtures-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('langso fixtures generate', { timeout: CHILD_PROCESS_TIMEOUT_MS }, () => {
  // Different seeds giving different people is proven in-process (test/fixtures/generate.test.ts).
  it('writes the same bytes for the same arguments in two separate runs', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    const args = ['--households', '60', '--seed', '11', '--invalid-rate', '0.2'];
    const [first, second] = await Promise.all([
      langso('fixtures', 'generate', ...args, '--out', a),
      langso('fixtures', 'generate', ...args, '--out', b),
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(await readFile(b)).toEqual(await readFile(a));
    expect(await readFile(`${b}.labels.json`)).toEqual(await readFile(`${a}.labels.json`));
  });

  for (const format of ['json', 'csv'] as const) {
    it(`writes ${format} records that all pass langso check when no mistakes are asked for`, async () => {
      const out = join(dir, `clean.${format}`);
      const run = await langso('fixtures', 'generate', '--households', '150', '--seed', 'lop-1', '--out', out);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('150 hộ');
      const { code, report } = await check(out);
      expect(report.issues).toEqual([]);
      expect(code).toBe(0);
      expect(report.valid).toBe(report.records);
      expect(report.records).toBeGreaterThan(150);
      expect(JSON.parse(await readFile(`${out}.labels.json`, 'utf8'))).toEqual([]);
    });

    it(`labels each deliberate ${format} mistake with the code langso check reports at that record, and only those`, async () => {
      const out = join(dir, `spoiled.${format}`);
      const run = await langso('fixtures', 'generate', '--households', '250', '--seed', 'lop-2', '--invalid-rate', '0.2', '--format', format, '--out', out);
      expect(run.code).toBe(0);
      const labels = JSON.parse(await readFile(`${out}.labels.json`, 'utf8')) as Label[];
      const { code, report } = await check(out);
      expect(code).toBe(1);
      expect(labels.length).toBe(Math.round(0.2 * report.records));
      const caught = report.issues.map(({ index, code: c, field }) => ({ index, code: c, field }));
      expect(caught.sort(byIndexThenCode)).toEqual([...labels].sort(byIndexThenCode));
      expect(report.valid).toBe(report.records - labels.length);
    });
  }

  it('keeps every household of --commune in that commune, with khóm for a phường', async () => {
    const out = join(dir, 'one-ward.json');
    expect((await langso('fixtures', 'generate', '--households', '20', '--seed', '3', '--commune', '31825', '--out', out)).code).toBe(0);
    const rows = JSON.parse(await readFile(out, 'utf8')) as { communeCode: string; hamlet: string }[];
    expect(new Set(rows.map((r) => r.communeCode))).toEqual(new Set(['31825']));
    for (const row of rows) expect(row.hamlet).toMatch(/^Khóm \d+$/);
  });

  it('refuses a bad flag with exit 2 and a message in the user’s language naming the flag, writing nothing', async () => {
    const out = join(dir, 'never.json');
    const vi = await langso('fixtures', 'generate', '--households', 'ba', '--seed', '1', '--out', out);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain('Cờ --households không hợp lệ');
    const en = await langso('--lang', 'en', 'fixtures', 'generate', '--households', '3', '--seed', '1', '--commune', '31999', '--out', out);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('Flag --commune');
    const missing = await langso('fixtures', 'generate', '--households', '3', '--out', out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Thiếu cờ --seed');
    await expect(readFile(out)).rejects.toThrow();
  });
});
