import { spawn } from 'node:child_process';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice, startSandboxProcess, type SandboxProcess } from '../../helpers/sandbox-process.ts';
import { langso, parseJson, readDb, ROOT, scratch, type Run } from '../helpers/lead-cli.ts';
import { readyWorkspace, type ReadyWorkspace } from './lead-workspace.ts';
import { phoneRecords } from './phone-records.ts';

const ReportSchema = v.object({ status: v.string(), exitCode: v.number(), message: v.string(), remaining: v.number() });

const tmp = scratch('sync-exit');
const records = phoneRecords(12, 21);
let sandbox: SandboxProcess;
let ws: ReadyWorkspace;

describe('langso sync and updates: exit codes say what is wrong', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    ws = await readyWorkspace(tmp.dir, sandbox, sandbox.url, records);
  }, 120_000);

  afterAll(async () => {
    await sandbox?.stop();
    tmp.dispose();
  });

  it('exits 2 without a workspace, telling the lead to run langso init', async () => {
    const run = await langso(['--workspace', join(tmp.dir, 'nowhere'), 'sync']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('langso init');
  });

  it('exits 2 before enrolment, telling the lead to run langso enrol', async () => {
    const fresh = join(tmp.dir, 'fresh');
    expect((await langso(['--workspace', fresh, 'init', '--team', 'Tổ mới', '--commune', '31843'])).code).toBe(0);
    for (const command of ['sync', 'updates']) {
      const run = await langso(['--workspace', fresh, command]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('langso enrol --code');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 3 when the province no longer accepts the laptop, telling the lead to enrol again', async () => {
    const deviceId = readDb(ws.dir, (db) => {
      const config = JSON.parse(String(db.prepare("SELECT value FROM config WHERE key = 'lead'").pluck().get())) as { enrolment: { deviceId: string } };
      return config.enrolment.deviceId;
    });
    revokeDevice(sandbox.dbFile, deviceId);
    const run = await ws.run(['sync']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('HTTP 401');
    expect(run.stdout).toContain(`còn ${records.length} bản ghi chờ gửi`);
    expect(run.stdout).toContain('langso enrol --code');
    const updates = await ws.run(['updates']);
    expect(updates.code).toBe(3);
    expect(updates.stdout).toContain('langso enrol --code');
  });

  it('exits 3 when the server is down, after its retries, with every record still queued', async () => {
    await sandbox.stop();
    const run = await ws.run(['sync', '--json']);
    expect(run.code).toBe(3);
    const report = v.parse(ReportSchema, parseJson(run));
    expect(report).toMatchObject({ status: 'offline', exitCode: 3, remaining: records.length });
    expect(report.message).toContain('Không kết nối được');
    expect(run.stderr).toMatch(/Lần thử 5 chưa được/);
    const queued = readDb(ws.dir, (db) => db.prepare('SELECT count(*) FROM outbox WHERE quarantined_at IS NULL').pluck().get());
    expect(queued).toBe(records.length);
  });

  it('ends quietly when its reader goes away (langso report | head): no stack trace', async () => {
    const run = await withClosedStdout(['--workspace', ws.dir, 'report']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

/** A command whose stdout pipe is closed before it writes, as `| head` closes it after a line. */
function withClosedStdout(args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/langso.js', ...args], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', LANG: 'C', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: '', stderr }));
  });
}
