import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayDecisionsToWorkspaceHub } from '../../../cli/upstream/relay-decision.ts';
import type { BatchResponse, UpdatesResponse } from '../../../shared/sync/protocol.ts';
import { createSyncClient } from '../../helpers/sync-client.ts';
import { batchOf, errorOf, getUpdates, postBatch, wireRecord } from '../protocol-server/harness.ts';
import { COMMUNE, enrolPhone, TEAM, writeTestPwa } from './hub-fixture.ts';
import { langso, startHubProcess, type HubProcess } from './hub-process.ts';

const APP_ORIGIN = 'https://app.langso.example';

const ReadySchema = v.object({
  url: v.string(),
  urls: v.array(v.string()),
  team: v.string(),
  teamId: v.string(),
  codes: v.array(v.string()),
  https: v.boolean(),
  training: v.boolean(),
});

const StatusSchema = v.object({
  team: v.string(),
  byType: v.array(v.object({ type: v.string(), total: v.number(), pending: v.number() })),
});

let dir: string;
let workspace: string;
let hub: HubProcess;
let ready: v.InferOutput<typeof ReadySchema>;

/** A request with its path exactly as written (fetch resolves `..` before sending). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(ready.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

// Every CLI start costs seconds on a busy 2-core machine: one hub for the whole file.
describe('langso hub on 127.0.0.1 (child process)', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'langso-hub-cli-'));
    workspace = join(dir, 'workspace');
    const init = await langso(['--workspace', workspace, 'init', '--team', TEAM, '--commune', COMMUNE]);
    expect(init.code).toBe(0);
    const { pwaDir } = writeTestPwa(dir);
    hub = await startHubProcess(workspace, ['--json', '--pwa', pwaDir, '--cors-origin', APP_ORIGIN, '--codes', '3'], /^\{/);
    ready = v.parse(ReadySchema, JSON.parse(hub.lines[0] ?? ''));
  });

  afterAll(async () => {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says where it is and prints the codes: plain HTTP on loopback, the workspace team', () => {
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.urls).toEqual([ready.url]);
    expect(ready).toMatchObject({ team: TEAM, https: false, training: false });
    expect(ready.codes).toHaveLength(3);
    expect(new Set(ready.codes).size).toBe(3);
  });

  it('serves the PWA: index.html, the manifest and the service worker with their headers, nothing outside', async () => {
    const index = await fetch(`${ready.url}/`);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>Làng số</title>');
    const manifest = await fetch(`${ready.url}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');
    const worker = await fetch(`${ready.url}/sw.js`);
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${ready.url}/h/new`)).status).toBe(200);

    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/link.txt']) {
      const res = await rawGet(path);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('SECRET');
    }
    // The API's own 404, not the app's index.html.
    expect((await errorOf(await fetch(`${ready.url}/v1/nothing`))).code).toBe('NOT_FOUND');
  });

  it('takes a phone enrolled with a printed code, whose shared engine syncs into the lead review queue', async () => {
    const phone = await enrolPhone(ready.url, ready.codes[0] ?? '');
    expect(phone.teamId).toBe(ready.teamId);
    const records = [await wireRecord('household'), await wireRecord('resident'), await wireRecord('resident')];
    const client = createSyncClient({ baseUrl: ready.url, deviceId: phone.deviceId, token: phone.token, records });
    const reports = await client.syncUntilSettled(3);
    expect(reports.at(-1)).toMatchObject({ status: 'complete', accepted: 3 });

    // The hand-off follows the batch's commit; `status` is asked again until it shows.
    let byType: v.InferOutput<typeof StatusSchema>['byType'] = [];
    for (let attempt = 0; attempt < 20 && byType.reduce((n, t) => n + t.total, 0) < 3; attempt += 1) {
      const run = await langso(['--workspace', workspace, 'status', '--json']);
      expect(run.code).toBe(0);
      byType = v.parse(StatusSchema, JSON.parse(run.stdout)).byType;
    }
    expect(byType).toEqual([
      expect.objectContaining({ type: 'household', total: 1, pending: 1 }),
      expect.objectContaining({ type: 'resident', total: 2, pending: 2 }),
    ]);

    // A code serves one phone only.
    const reused = await fetch(`${ready.url}/v1/devices`, { method: 'POST', body: JSON.stringify({ code: ready.codes[0] }) });
    expect((await errorOf(reused)).code).toBe('ENROL_CODE_INVALID');
  });

  it('refuses training records like the province when not started with --training', async () => {
    const phone = await enrolPhone(ready.url, ready.codes[1] ?? '');
    const res = await postBatch(ready.url, phone, batchOf(phone, [await wireRecord('resident', { training: true })]));
    const body = (await res.json()) as BatchResponse;
    expect(body.receipts[0]).toMatchObject({ status: 'rejected', code: 'TRAINING_RECORD' });
  });

  it('answers CORS and Private Network Access preflights for the configured origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${ready.url}/v1/batches`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, idempotency-key',
          'access-control-request-private-network': 'true',
        },
      });
    const allowed = await preflight(APP_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(allowed.headers.get('access-control-allow-private-network')).toBe('true');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');

    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-private-network')).toBeNull();
  });

  it('relays the decisions `langso updates` pulled to the phones in /v1/updates, and makes codes while running', async () => {
    const more = await langso(['--workspace', workspace, 'hub', 'code', '--json']);
    expect(more.code).toBe(0);
    const issued = JSON.parse(more.stdout) as { code: string; teamId: string; team: string };
    expect(issued).toMatchObject({ teamId: ready.teamId, team: TEAM });
    const phone = await enrolPhone(ready.url, issued.code, 'Điện thoại anh Minh');

    const record = await wireRecord('eid');
    await postBatch(ready.url, phone, batchOf(phone, [record]));
    const decided = { id: record.id, type: 'eid' as const, status: 'approved' as const, serverRef: 'TN-261127-000042', at: '2026-11-27T05:00:00.000Z' };
    expect(relayDecisionsToWorkspaceHub(workspace, [decided])).toBe(1);
    const res = await getUpdates(ready.url, phone);
    expect(((await res.json()) as UpdatesResponse).updates).toEqual([decided]);
  });

  it('stops on SIGTERM with exit 0', async () => {
    expect(await hub.stop()).toBe(0);
    expect(hub.stderr()).toContain('Hub stopped.');
  });
});
