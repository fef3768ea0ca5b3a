/**
 * The team lead's figures: `langso import` + validate of 100,000 records (goal ≤ 5 s)
 * and `langso report` over 100,000 records (goal ≤ 1 s), on a real SQLite workspace.
 *
 *   node --import tsx bench/lead.bench.ts [HOUSEHOLDS]
 *
 * The file comes from `langso fixtures generate` (seeded, so the same every run, with 2 % of
 * deliberate mistakes and the generator's duplicates). Each figure is printed twice: the work
 * itself in this process (read, parse, validate, one transaction; SQL aggregates and rendering),
 * and the whole CLI as a lead runs it (CLI start-up included).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../cli/db/open-database.ts';
import { writeConfig } from '../cli/workspace/config.ts';
import { importFile } from '../cli/intake/import-file.ts';
import { LEAD_MIGRATIONS } from '../cli/workspace/migrations.ts';
import { computeReport } from '../cli/report/report-compute.ts';
import { renderReportHtml } from '../cli/report/report-html.ts';
import { renderReportText } from '../cli/report/report-text.ts';
import { runScriptedReview } from '../cli/review/review-scripted.ts';
import { systemIds } from '../shared/sync/ids.ts';
import { todayInHoChiMinh } from '../shared/validate/dates.ts';

const HOUSEHOLDS = Number(process.argv[2] ?? 28_500);
const IMPORT_GOAL_S = 5;
const REPORT_GOAL_S = 1;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'langso-lead-bench-'));
// `langso init` makes the lead's key pair: a passphrase for it, as a script gives one.
const cliEnv = { ...process.env, LANGSO_PASSPHRASE: process.env['LANGSO_PASSPHRASE'] ?? 'bench-passphrase' };
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'langso.js'), ...args], { cwd: root, encoding: 'utf8', env: cliEnv, maxBuffer: 1 << 30 });

function timed<T>(work: () => T): { value: T; seconds: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = work();
  const cpu = process.cpuUsage(cpu0);
  return { value, seconds: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const cpu = process.cpuUsage(cpu0);
  return { value, seconds: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

const verdict = (seconds: number, goal: number): string => (seconds <= goal ? 'met' : 'NOT MET');
const line = (label: string, text: string): void => console.log(`${label.padEnd(22)}${text}`);

try {
  const file = join(dir, 'residents.csv');
  const generated = cli('fixtures', 'generate', '--households', String(HOUSEHOLDS), '--seed', '2025', '--invalid-rate', '0.02', '--out', file);
  if (generated.status !== 0) throw new Error(`fixtures generate failed: ${generated.stderr}`);
  const megabytes = statSync(file).size / 1e6;

  // In this process: the work itself.
  const db = openDatabase(join(dir, 'langso.db'), { migrations: LEAD_MIGRATIONS });
  writeConfig(db, { team: 'Bench', communeCode: '32002', createdAt: new Date().toISOString() });
  const settings = {
    deviceId: 'lead',
    today: todayInHoChiMinh(new Date()),
    now: () => new Date().toISOString(),
    ids: systemIds,
    progress: () => ({ update: () => {}, finish: () => {} }),
  };
  const load = loadavg()[0] ?? 0;
  const first = await timedAsync(() => importFile(db, file, settings));
  const again = await timedAsync(() => importFile(db, file, settings));
  const rows = first.value.records;
  const approve = timed(() => runScriptedReview(db, { approveAllValid: true, approve: [] }, settings.now));
  const config = { team: 'Bench', communeCode: '32002', createdAt: '' };
  const report = timed(() => computeReport(db, config, settings.today, settings.now()));
  const html = timed(() => renderReportHtml('vi', report.value, settings.now()));
  const text = timed(() => renderReportText('vi', report.value, settings.now()));
  db.close();

  // The whole CLI, as a lead runs it (a fresh workspace for the import).
  const ws = join(dir, 'ws');
  cli('init', '--team', 'Bench', '--commune', '32002', '--workspace', ws);
  const cliImport = timed(() => cli('import', file, '--workspace', ws, '--json'));
  const cliReport = timed(() => cli('report', '--format', 'html', '--workspace', ws));
  const idle = timed(() => cli('--help'));

  line('records', `${rows.toLocaleString('en')} (${megabytes.toFixed(1)} MB CSV from langso fixtures generate, ${first.value.invalid.toLocaleString('en')} invalid, ${first.value.duplicate.toLocaleString('en')} duplicate CCCD)`);
  line('machine load', `${load.toFixed(1)} (1-min load average, ${availableParallelism()} cores)${load > availableParallelism() ? ': above the core count, wall time is inflated' : ''}`);
  line('import (work)', `${first.seconds.toFixed(2)} s wall, ${first.cpu.toFixed(2)} s cpu, ${Math.round(rows / first.seconds).toLocaleString('en')} rows/s — read, parse, validate, one transaction`);
  line('re-import same file', `${again.seconds.toFixed(2)} s wall, ${again.cpu.toFixed(2)} s cpu (${again.value.unchanged.toLocaleString('en')} unchanged, ${again.value.new} new)`);
  line('import (CLI)', `${cliImport.seconds.toFixed(2)} s wall, exit ${cliImport.value.status} (CLI start-up ${idle.seconds.toFixed(2)} s included)`);
  line('approve-all-valid', `${approve.seconds.toFixed(2)} s wall, ${approve.cpu.toFixed(2)} s cpu (${approve.value.approved.length.toLocaleString('en')} approved and queued)`);
  line('report (work)', `${report.seconds.toFixed(3)} s SQL aggregates (${report.cpu.toFixed(3)} s cpu) + ${html.seconds.toFixed(3)} s HTML + ${text.seconds.toFixed(3)} s table`);
  line('report (CLI)', `${cliReport.seconds.toFixed(2)} s wall for --format html, exit ${cliReport.value.status} (start-up included)`);
  line('peak memory', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB max RSS of this process`);
  line('goal import', `≤ ${IMPORT_GOAL_S} s for 100,000 records: ${verdict(first.seconds, IMPORT_GOAL_S)} (work), ${verdict(cliImport.seconds, IMPORT_GOAL_S)} (CLI)`);
  line('goal report', `≤ ${REPORT_GOAL_S} s over 100,000 records: ${verdict(report.seconds + html.seconds, REPORT_GOAL_S)} (work), ${verdict(cliReport.seconds, REPORT_GOAL_S)} (CLI)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
