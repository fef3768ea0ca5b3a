import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { readProvince, startSandboxProcess, type SandboxProcess } from '../../helpers/sandbox-process.ts';
import { langso, parseJson, ROOT, scratch, type Run } from '../helpers/lead-cli.ts';
import { readyWorkspace } from './lead-workspace.ts';
import { phoneRecords } from './phone-records.ts';
import { startSwitchLink, type SwitchLink } from './switch-link.ts';

const ReportSchema = v.object({
  status: v.string(),
  accepted: v.number(),
  duplicate: v.number(),
  remaining: v.number(),
  quarantinedTotal: v.number(),
});

let tmp: ReturnType<typeof scratch> | undefined;
let sandbox: SandboxProcess | undefined;
let link: SwitchLink | undefined;

afterEach(async () => {
  await link?.close();
  await sandbox?.stop();
  tmp?.dispose();
  link = undefined;
  sandbox = undefined;
  tmp = undefined;
});

/** The province holds every record once: all ids, none stored or received twice, no copy under another id. */
async function expectEachOnce(dbFile: string, teamId: string, ids: readonly string[]): Promise<void> {
  const stats = parseJson<{ records: number; duplicates: unknown[] }>(await langso(['sandbox', 'stats', '--db', dbFile, '--json']));
  expect(stats).toMatchObject({ records: ids.length, duplicates: [] });
  const province = readProvince(dbFile, teamId);
  expect(province.ids).toEqual([...ids].sort());
  expect(province.idsReceivedTwice).toEqual([]);
  expect(province.sameContentUnderTwoIds).toBe(0);
}

describe('langso sync resumes after a cut or a Ctrl+C without duplicates', { timeout: 180_000 }, () => {
  it('rides out answers lost after the server committed (sandbox --cut-after-commit-rate 0.5): same key, same receipts', async () => {
    tmp = scratch('sync-cut');
    sandbox = await startSandboxProcess({ cutAfterCommitRate: 0.5, seed: 7 });
    const records = phoneRecords(300, 11);
    const ws = await readyWorkspace(tmp.dir, sandbox, sandbox.url, records);

    const runs: Run[] = [];
    for (let i = 0; i < 4 && runs.at(-1)?.code !== 0; i += 1) runs.push(await ws.run(['sync', '--json']));
    expect(runs.at(-1)?.code).toBe(0);
    const reports = runs.map((run) => v.parse(ReportSchema, parseJson(run)));
    expect(reports.at(-1)).toMatchObject({ status: 'complete', remaining: 0, quarantinedTotal: 0 });
    // The retries carried the batch's Idempotency-Key: the server replayed its receipts.
    expect(reports.reduce((n, r) => n + r.accepted + r.duplicate, 0)).toBe(records.length);
    expect(runs.map((run) => run.stderr).join('')).toMatch(/Lần thử 1 chưa được/);
    await expectEachOnce(sandbox.dbFile, ws.teamId, records.map((r) => r.id));
  });

  it('a run that ends cut off after the server committed is resumed by the next process: duplicate, never stored twice', async () => {
    tmp = scratch('sync-cut-process');
    sandbox = await startSandboxProcess();
    link = await startSwitchLink(sandbox);
    const records = phoneRecords(60, 12);
    const ws = await readyWorkspace(tmp.dir, sandbox, link.url, records);

    link.mode = 'cut-after-commit';
    const cut = await ws.run(['sync', '--json']);
    expect(cut.code).toBe(3);
    expect(v.parse(ReportSchema, parseJson(cut))).toMatchObject({ status: 'offline', accepted: 0, remaining: records.length });
    expect(link.cuts).toBeGreaterThan(1);
    // The province has them all, the laptop has no receipt for any.
    expect(readProvince(sandbox.dbFile, ws.teamId).ids).toHaveLength(records.length);

    link.mode = 'pass';
    const resumed = await ws.run(['sync', '--json']);
    expect(resumed.code).toBe(0);
    expect(v.parse(ReportSchema, parseJson(resumed))).toMatchObject({
      status: 'complete',
      accepted: 0,
      duplicate: records.length,
      remaining: 0,
    });
    await expectEachOnce(sandbox.dbFile, ws.teamId, records.map((r) => r.id));
  });

  it('Ctrl+C mid-sync stops between batches with exit 1 and what is left; the next sync completes', async () => {
    tmp = scratch('sync-sigint');
    sandbox = await startSandboxProcess({ latencyMs: 300 });
    // Five batches: two go at once, so the interrupt lands with batches not yet started.
    const records = phoneRecords(1200, 13);
    const ws = await readyWorkspace(tmp.dir, sandbox, sandbox.url, records);

    const interrupted = await syncInterruptedAfterFirstBatch(ws.dir);
    expect(interrupted.code).toBe(1);
    const left = /Đã dừng theo yêu cầu \(Ctrl\+C\): còn (\d+) bản ghi chưa gửi/.exec(interrupted.stdout);
    expect(left).not.toBeNull();
    expect(Number(left?.[1])).toBeGreaterThan(0);
    expect(Number(left?.[1])).toBeLessThan(records.length);
    expect(interrupted.stdout + interrupted.stderr).not.toMatch(/\n\s+at /);

    const resumed = await ws.run(['sync', '--json']);
    expect(resumed.code).toBe(0);
    expect(v.parse(ReportSchema, parseJson(resumed))).toMatchObject({ status: 'complete', remaining: 0 });
    await expectEachOnce(sandbox.dbFile, ws.teamId, records.map((r) => r.id));
  });
});

/** `langso sync` as a child, sent SIGINT (Ctrl+C) once its first batch is receipted. */
function syncInterruptedAfterFirstBatch(workspace: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/langso.js', '--workspace', workspace, 'sync'], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', LANG: 'C', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    createInterface({ input: child.stderr }).on('line', (line) => {
      stderr += `${line}\n`;
      if (line.startsWith('Lô 1:')) child.kill('SIGINT');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
