import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as v from 'valibot';
import { ProceduresDataSchema } from '../../shared/catalog/procedure-catalog.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPayload } from '../../shared/sync/canonical.ts';
import { BatchResponseSchema, EnrolResponseSchema, type WireRecord } from '../../shared/sync/protocol.ts';
import { residentRecords } from '../helpers/resident-records.ts';

const DemoReadySchema = v.object({
  pwaUrl: v.string(),
  urls: v.array(v.string()),
  sandboxUrl: v.string(),
  codes: v.pipe(v.array(v.string()), v.minLength(1)),
  workspace: v.string(),
  team: v.string(),
});

/** `npm start` runs `node bin/langso.js demo`; the test runs the same, as a child process. */
describe('langso demo (npm start)', () => {
  let home: string;
  let demo: ChildProcess;
  let ready: v.InferOutput<typeof DemoReadySchema>;
  const exit = { code: null as number | null, signal: null as NodeJS.Signals | null };
  let exited: Promise<void>;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'langso-demo-'));
    demo = spawn(process.execPath, ['bin/langso.js', 'demo', '--json', '--decide-after', '0'], {
      env: { ...process.env, LANGSO_HOME: home, LANGSO_PASSPHRASE: 'mật khẩu tập huấn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) =>
      demo.once('exit', (code, signal) => {
        exit.code = code;
        exit.signal = signal;
        resolve();
      }),
    );
    let stderr = '';
    demo.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: demo.stdout! }).once('line', resolve);
      demo.once('exit', () => reject(new Error(`demo exited before it was ready:\n${stderr}`)));
    });
    ready = v.parse(DemoReadySchema, JSON.parse(firstLine));
  }, 240_000);

  afterAll(async () => {
    if (demo.exitCode === null && demo.signalCode === null) {
      demo.kill('SIGKILL');
      await exited;
    }
    rmSync(home, { recursive: true, force: true });
  });

  it('serves the built PWA with its manifest and service worker', async () => {
    const page = await fetch(ready.pwaUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="vi"');
    const sw = await fetch(`${ready.pwaUrl}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toContain('no-cache');
    const manifest = await fetch(`${ready.pwaUrl}/manifest.webmanifest`);
    expect(manifest.status).toBe(200);
  });

  it('serves the procedure catalog as data beside the app, precached by the service worker', async () => {
    const answer = await fetch(`${ready.pwaUrl}/catalog/procedures.json`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/json');
    const data = v.parse(ProceduresDataSchema, await answer.json());
    expect(data.procedures.map((p) => p.code)).toContain('1.001193');
    const sw = await (await fetch(`${ready.pwaUrl}/sw.js`)).text();
    expect(sw).toContain('catalog/procedures.json');
    expect(sw).not.toContain('training/households.json');
  });

  it('lets a phone enrol with a printed team code and accepts a synced training record', async () => {
    const enrol = await fetch(`${ready.pwaUrl}/v1/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: ready.codes[0], deviceName: 'Điện thoại tập huấn' }),
    });
    expect(enrol.status).toBe(201);
    const device = v.parse(EnrolResponseSchema, await enrol.json());

    const [base] = residentRecords({ count: 1, seed: 7 });
    const record: WireRecord = { ...base!, training: true, hash: await hashPayload(base!.payload) };
    const batchId = record.id;
    const post = await fetch(`${ready.pwaUrl}/v1/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}`, 'idempotency-key': batchId },
      body: JSON.stringify({ protocol: 1, batchId, deviceId: device.deviceId, records: [record] }),
    });
    expect(post.status).toBe(200);
    const answer = v.parse(BatchResponseSchema, await post.json());
    expect(answer.receipts).toEqual([expect.objectContaining({ id: record.id, status: 'accepted' })]);
  });

  it('stops cleanly on SIGINT, leaving no server behind', async () => {
    demo.kill('SIGINT');
    await exited;
    expect(exit).toEqual({ code: 0, signal: null });
    for (const url of [ready.pwaUrl, ready.sandboxUrl]) {
      await expect(fetch(url, { signal: AbortSignal.timeout(3_000) })).rejects.toThrow();
    }
  }, 30_000);
});
