/**
 * `langso check` on a 100,000-row CSV: wall time, rows/s and peak memory of
 * the real CLI in a child process, against the goal of ≤ 5 s on this machine.
 *
 *   node --import tsx bench/check.bench.ts [ROWS]
 *
 * The CSV is synthetic and seeded (same rows every run); about 1 % of rows carry a mistake, so
 * the run also formats issues, as a real file would make it do.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { communes } from '../shared/catalog/communes.ts';
import { seededRandom } from '../shared/random/seeded-random.ts';

const ROWS = Number(process.argv[2] ?? 100_000);
const GOAL_SECONDS = 5;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');


const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Thạch', 'Danh', 'Lâm', 'Quách', 'Tô'];
const MIDDLE_M = ['Văn', 'Minh', 'Hoàng', 'Quốc', 'Thanh', 'Hữu', 'Công'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thanh', 'Mỹ', 'Kim', 'Bích', 'Thu'];
const GIVEN_M = ['An', 'Bảo', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khang', 'Lợi', 'Phúc', 'Tâm', 'Tài', 'Tư', 'Út', 'Sô-phát'];
const GIVEN_F = ['Anh', 'Bích', 'Hằng', 'Hoa', 'Lan', 'Linh', 'Mai', 'Nhung', 'Thảo', 'Trang', 'Tuyền', 'Út', 'Sa Rươl'];

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function generateCsv(rows: number, seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const codes = communes().map((c) => c.code);
  const parts = ['\uFEFFfullName,dateOfBirth,sex,cccd,phone,communeCode,hamlet\n'];
  for (let i = 0; i < rows; i += 1) {
    const female = random() < 0.5;
    const year = 1930 + Math.floor(random() * 95);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const name = `${pick(FAMILY)} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${pick(female ? GIVEN_F : GIVEN_M)}`;
    const digit4 = (Math.floor(year / 100) - 19) * 2 + (female ? 1 : 0);
    // The row number makes the last six digits unique, so duplicates appear only where planted.
    let yy = String(year % 100).padStart(2, '0');
    const mistake = i % 97 === 13;
    if (mistake) yy = String((year + 1) % 100).padStart(2, '0');
    const cccd = year < 2012 ? `${random() < 0.7 ? '096' : '095'}${digit4}${yy}${String(i).padStart(6, '0')}` : '';
    const phone = year < 2010 ? `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}` : '';
    const dob = random() < 0.5
      ? `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`
      : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const hamlet = random() < 0.1 ? `Ấp ${1 + Math.floor(random() * 20)}, tổ ${1 + Math.floor(random() * 9)}` : `Ấp ${1 + Math.floor(random() * 20)}`;
    const cells = [name, dob, female ? 'nữ' : 'nam', cccd, phone, pick(codes), hamlet];
    parts.push(`${cells.map(csvCell).join(',')}\n`);
  }
  return parts.join('');
}

const dir = mkdtempSync(join(tmpdir(), 'langso-check-bench-'));
try {
  const file = join(dir, 'residents.csv');
  writeFileSync(file, generateCsv(ROWS, 20250701));
  const megabytes = statSync(file).size / 1e6;

  const timeBin = '/usr/bin/time';
  const useTime = existsSync(timeBin);
  const cli = [process.execPath, join(root, 'bin', 'langso.js'), 'check', file, '--json'];
  const loadBefore = loadavg()[0] ?? 0;
  const started = performance.now();
  const run = useTime
    ? spawnSync(timeBin, ['-v', ...cli], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cli[0] as string, cli.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;

  // The same start-up with no work, to tell the CLI's fixed cost from the checking.
  const idleStarted = performance.now();
  const idle = spawnSync(process.execPath, [join(root, 'bin', 'langso.js'), '--help'], { cwd: root, encoding: 'utf8' });
  const idleSeconds = (performance.now() - idleStarted) / 1000;

  const rssKb = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1];
  const user = Number(/User time \(seconds\): ([\d.]+)/.exec(run.stderr)?.[1] ?? Number.NaN);
  const system = Number(/System time \(seconds\): ([\d.]+)/.exec(run.stderr)?.[1] ?? Number.NaN);
  const report = JSON.parse(run.stdout) as { records: number; valid: number; issues: unknown[] };
  const ok = (run.status === 0 || run.status === 1) && report.records === ROWS;

  console.log(`rows            ${ROWS.toLocaleString('en')} (${megabytes.toFixed(1)} MB CSV, seeded)`);
  console.log(`result          exit ${run.status}, ${report.valid.toLocaleString('en')} valid, ${report.issues.length.toLocaleString('en')} issues`);
  console.log(`wall            ${seconds.toFixed(2)} s (whole process: CLI start-up, read, parse, validate, JSON out)`);
  console.log(`start-up        ${idleSeconds.toFixed(2)} s wall for \`langso --help\` (exit ${idle.status}): the fixed cost inside that figure`);
  if (useTime) console.log(`cpu             ${(user + system).toFixed(2)} s (user ${user.toFixed(2)} + system ${system.toFixed(2)})`);
  console.log(`machine load    ${loadBefore.toFixed(1)} (1-min load average before the run, ${availableParallelism()} cores)${loadBefore > availableParallelism() ? ': above the core count, wall time is inflated' : ''}`);
  console.log(`throughput      ${Math.round(ROWS / seconds).toLocaleString('en')} rows/s`);
  console.log(`peak memory     ${rssKb ? `${(Number(rssKb) / 1024).toFixed(0)} MB max RSS (${timeBin} -v)` : 'unavailable (no /usr/bin/time)'}`);
  console.log(`goal            ≤ ${GOAL_SECONDS} s for 100,000 rows: ${seconds <= GOAL_SECONDS ? 'met' : 'NOT MET'}`);
  if (!ok) {
    console.error(`langso check did not run as expected:\n${run.stderr}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
