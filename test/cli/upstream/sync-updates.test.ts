import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncClient, type SyncClient } from '../../helpers/sync-client.ts';
import { createSandboxTeam, startSandboxProcess, type SandboxProcess } from '../../helpers/sandbox-process.ts';
import { enrolPhone, eventually, leadRows } from '../hub/hub-fixture.ts';
import { startHubProcess, type HubProcess } from '../hub/hub-process.ts';
import { langso, parseJson, readDb, scratch } from '../helpers/lead-cli.ts';
import { cccdsOf, phoneRecords } from './phone-records.ts';

const SyncJsonSchema = v.object({
  status: v.string(),
  exitCode: v.number(),
  sent: v.number(),
  accepted: v.number(),
  duplicate: v.number(),
  remaining: v.number(),
  quarantinedTotal: v.number(),
  quarantinedByReason: v.array(
    v.object({
      code: v.string(),
      count: v.number(),
      records: v.array(v.object({ id: v.string(), type: v.string(), name: v.nullable(v.string()), cccd: v.nullable(v.string()) })),
    }),
  ),
});

const UpdatesJsonSchema = v.object({
  status: v.string(),
  exitCode: v.number(),
  received: v.number(),
  byStatus: v.record(v.string(), v.number()),
  records: v.array(v.object({ id: v.string(), type: v.string(), status: v.string(), serverRef: v.nullable(v.string()) })),
  relayedToHub: v.number(),
});

const tmp = scratch('sync-e2e');
const ws = join(tmp.dir, 'ws');
const fixtures = join(tmp.dir, 'households.json');
const phoneSent = phoneRecords(24, 5);
const at = (args: readonly string[]) => langso(['--workspace', ws, ...args]);

let sandbox: SandboxProcess;
let hub: HubProcess;
let phone: SyncClient;
let imported: number;

// Child processes all the way: the real sandbox, the real hub, the real CLI over one workspace.
describe('langso sync and langso updates, end to end against the sandbox', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    sandbox = await startSandboxProcess({ decideAfterMs: 0 });
    const team = createSandboxTeam(sandbox.dbFile, 'Tổ công nghệ số xã Hồng Dân');
    expect((await at(['init', '--team', 'Tổ ấp Tân Lợi', '--commune', '31843', '--upstream', sandbox.url])).code).toBe(0);
    expect((await at(['enrol', '--code', team.code])).code).toBe(0);
    expect((await langso(['fixtures', 'generate', '--households', '30', '--seed', 's', '--commune', '31843', '--out', fixtures])).code).toBe(0);
    imported = (JSON.parse(readFileSync(fixtures, 'utf8')) as unknown[]).length;
    expect((await at(['import', fixtures])).code).toBe(0);

    // Volunteers' phones sync to the lead's hub; their records carry the residents' consent.
    hub = await startHubProcess(ws, ['--json', '--codes', '1'], /^\{/);
    const ready = JSON.parse(hub.lines[0] ?? '') as { url: string; codes: string[] };
    const device = await enrolPhone(ready.url, ready.codes[0] ?? '');
    phone = createSyncClient({ baseUrl: ready.url, deviceId: device.deviceId, token: device.token, records: phoneSent });
    expect((await phone.syncUntilSettled(3)).at(-1)?.status).toBe('complete');
    await eventually(() => leadRows(ws).length === imported + phoneSent.length, 'the hub hands the phone records to review');

    expect((await at(['review', '--approve-all-valid'])).code).toBe(0);
  }, 180_000);

  afterAll(async () => {
    await hub?.stop();
    await sandbox?.stop();
    tmp.dispose();
  });

  it('sends the records with consent, quarantines the spreadsheet rows with CONSENT_MISSING, and exits 1 saying so', async () => {
    const run = await at(['sync', '--json']);
    expect(run.code).toBe(1);
    const report = v.parse(SyncJsonSchema, parseJson(run));
    expect(report).toMatchObject({ status: 'complete', exitCode: 1, accepted: phoneSent.length, duplicate: 0, remaining: 0 });
    expect(report.quarantinedTotal).toBe(imported);
    expect(report.quarantinedByReason.map((group) => [group.code, group.count])).toEqual([['CONSENT_MISSING', imported]]);
    for (const record of report.quarantinedByReason[0]?.records ?? []) expect(record.cccd ?? '').toMatch(/^$|^\d{4}\*{4}\d{4}$/);
    for (const cccd of cccdsOf(fixtures)) expect(run.stdout + run.stderr).not.toContain(cccd);
    // A plain line per batch on stderr, since stderr is not a terminal here.
    expect(run.stderr).toMatch(/Lô 1: \d+\/\d+ bản ghi có biên nhận/);

    const stats = await langso(['sandbox', 'stats', '--db', sandbox.dbFile, '--json']);
    expect(parseJson(stats)).toMatchObject({ records: phoneSent.length, duplicates: [] });
  });

  it('run again, sends nothing twice and says in words why records are left, CCCDs masked', async () => {
    const run = await at(['sync']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Đã gửi 0 bản ghi');
    expect(run.stdout).toContain(`CONSENT_MISSING — ${imported} bản ghi`);
    expect(run.stdout).toMatch(/\d{4}\*{4}\d{4}/);
    expect(run.stdout).toContain(`Chưa gửi hết: ${imported} bản ghi đang tạm giữ`);
    expect(run.stdout).not.toContain('\u001b[');
    for (const cccd of cccdsOf(fixtures)) expect(run.stdout).not.toContain(cccd);
  });

  it("pulls the province's decisions into the workspace: status and report show them", async () => {
    const run = await at(['updates', '--json']);
    expect(run.code).toBe(0);
    const updates = v.parse(UpdatesJsonSchema, parseJson(run));
    expect(updates.status).toBe('complete');
    // Every record the province took has news: residents are received, applications decided.
    expect(new Set(updates.records.map((r) => r.id))).toEqual(new Set(phoneSent.map((r) => r.id)));
    for (const record of updates.records) {
      if (record.type === 'resident') expect(record.status).toBe('received');
      else expect(['activated', 'needs_fix', 'scheduled', 'rejected', 'approved']).toContain(record.status);
      expect(record.serverRef).toMatch(/^TN-/);
    }
    expect(updates.relayedToHub).toBe(updates.received);

    const status = parseJson<{ province: { status: string; count: number }[] }>(await at(['status', '--json']));
    expect(Object.fromEntries(status.province.map((p) => [p.status, p.count]))).toEqual(updates.byStatus);
    const report = parseJson<{ totals: { eidApplications: number; eidAccounts: number } }>(await at(['report', '--format', 'json']));
    expect(report.totals.eidAccounts).toBe(updates.byStatus['activated'] ?? 0);
    expect(report.totals.eidApplications).toBe(phoneSent.filter((r) => r.type === 'eid').length);
  });

  it('passes the decisions on through the hub, so the phone that sent the records sees them', async () => {
    const pulled = await phone.engine.pullUpdates();
    expect(pulled.status).toBe('complete');
    const applications = phoneSent.filter((r) => r.type === 'eid');
    const atLead = readDb(ws, (db) =>
      db.prepare<[], { id: string; province_status: string }>("SELECT id, province_status FROM records WHERE type = 'eid'").all(),
    );
    expect(atLead).toHaveLength(applications.length);
    for (const row of atLead) expect(phone.store.latestUpdate(row.id)?.status).toBe(row.province_status);
  });

  it('asked again, finds nothing new and says so, exit 0', async () => {
    const run = await at(['updates']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Không có quyết định mới từ tỉnh.');
  });
});
