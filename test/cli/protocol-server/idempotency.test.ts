import type { ServerEvent } from '../../../cli/protocol-server/server-event.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchOf, errorOf, manualClock, postBatch, startTestServer, wireRecord, type Device, type TestServer } from './harness.ts';

let server: TestServer;
let device: Device;
beforeAll(async () => {
  server = await startTestServer();
  device = await server.enrol();
});
afterAll(async () => {
  await server.dispose();
});

describe('Idempotency-Key on POST /v1/batches', () => {
  it('answers the same key and body with the same bytes, and stores the records once', async () => {
    const batch = batchOf(device, [await wireRecord('resident'), await wireRecord('dossier')]);
    const first = await postBatch(server.url, device, batch);
    const firstText = await first.text();
    server.clock.advance(5_000);
    const second = await postBatch(server.url, device, batch);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(firstText);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const n = server.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM records WHERE batch_id = ?').get(batch.batchId)?.n;
    expect(n).toBe(2);
  });

  it('treats the same body with its keys reordered as the same request', async () => {
    const batch = batchOf(device, [await wireRecord('household')]);
    const first = await (await postBatch(server.url, device, batch)).text();
    const reordered = { records: batch.records, deviceId: batch.deviceId, batchId: batch.batchId, protocol: 1 };
    expect(await (await postBatch(server.url, device, reordered)).text()).toBe(first);
  });

  it('answers the same key with another body with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const batch = batchOf(device, [await wireRecord('household')]);
    await postBatch(server.url, device, batch);
    const other = { ...batch, records: [await wireRecord('household')] };
    expect(await errorOf(await postBatch(server.url, device, other))).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('answers a missing key with 400 IDEMPOTENCY_KEY_MISSING and stores nothing', async () => {
    const record = await wireRecord('household');
    const res = await postBatch(server.url, device, batchOf(device, [record]), { key: null });
    expect(await errorOf(res)).toMatchObject({ status: 400, code: 'IDEMPOTENCY_KEY_MISSING' });
    expect(server.db.prepare('SELECT 1 FROM records WHERE id = ?').get(record.id)).toBeUndefined();
  });

  it('answers a key that is not the batchId with 400 BAD_REQUEST naming Idempotency-Key', async () => {
    const res = await postBatch(server.url, device, batchOf(device, [await wireRecord('household')]), { key: uuidv7() });
    const error = await errorOf(res);
    expect(error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(error.message).toContain('Idempotency-Key');
  });

  it('answers protocol version 2 with 400 PROTOCOL_VERSION', async () => {
    const batch = { ...batchOf(device, [await wireRecord('household')]), protocol: 2 };
    expect(await errorOf(await postBatch(server.url, device, batch))).toMatchObject({ status: 400, code: 'PROTOCOL_VERSION' });
  });

  it('answers a schema failure with 400 BAD_REQUEST and the path of the first issue', async () => {
    const record = await wireRecord('household');
    const batch = { ...batchOf(device, [record]), records: [{ ...record, rev: 0 }] };
    const error = await errorOf(await postBatch(server.url, device, batch, { headers: { 'accept-language': 'en' } }));
    expect(error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(error.message).toContain('records.0.rev');
  });

  it('answers 409 IDEMPOTENCY_IN_FLIGHT while the first request with that key is still running', async () => {
    const slow = await startTestServer({ policy: { latencyMs: 400 } });
    try {
      const d = await slow.enrol();
      const batch = batchOf(d, [await wireRecord('resident')]);
      const [a, b] = await Promise.all([postBatch(slow.url, d, batch), postBatch(slow.url, d, batch)]);
      const statuses = [a.status, b.status].sort((x, y) => x - y);
      expect(statuses).toEqual([200, 409]);
      const conflict = a.status === 409 ? a : b;
      expect(conflict.headers.get('retry-after')).toBe('1');
      expect((await errorOf(conflict)).code).toBe('IDEMPOTENCY_IN_FLIGHT');
      // Once the first is done, the key replays.
      expect((await postBatch(slow.url, d, batch)).status).toBe(200);
    } finally {
      await slow.dispose();
    }
  });

  it('commits before a cut connection, and the retry with the same key gets the receipts; both told to the trainer', async () => {
    const events: ServerEvent[] = [];
    const cutting = await startTestServer({ policy: { cutAfterCommitRate: 1 }, onEvent: (event) => events.push(event) });
    try {
      const d = await cutting.enrol();
      const record = await wireRecord('dossier');
      const batch = batchOf(d, [record]);
      await expect(postBatch(cutting.url, d, batch)).rejects.toThrow();
      const stored = cutting.db.prepare<[string], { server_ref: string }>('SELECT server_ref FROM records WHERE id = ?').get(record.id);
      expect(stored?.server_ref).toMatch(/H12/);

      const retry = await postBatch(cutting.url, d, batch);
      expect(retry.status).toBe(200);
      const body = (await retry.json()) as { receipts: { status: string; serverRef: string }[] };
      expect(body.receipts).toEqual([expect.objectContaining({ status: 'accepted', serverRef: stored?.server_ref })]);
      const n = cutting.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM records WHERE id = ?').get(record.id)?.n;
      expect(n).toBe(1);
      expect(events).toEqual([
        { kind: 'cut-after-commit', batchId: batch.batchId, records: 1 },
        { kind: 'replayed', batchId: batch.batchId },
      ]);
    } finally {
      await cutting.dispose();
    }
  });

  it('keeps keys 30 days, purges older ones on start, and frees claims left in flight by a crash', async () => {
    const clock = manualClock();
    const dir = mkdtempSync(join(tmpdir(), 'langso-idem-'));
    try {
      const first = await startTestServer({ clock, dir });
      let d: Device;
      let batch: ReturnType<typeof batchOf>;
      let answer: string;
      try {
        d = await first.enrol();
        batch = batchOf(d, [await wireRecord('household')]);
        answer = await (await postBatch(first.url, d, batch)).text();
        first.db
          .prepare("INSERT INTO idempotency (team_id, key, request_hash, state, created_at) VALUES (?, 'stuck', 'h', 'in_flight', ?)")
          .run(d.teamId, clock.now());
      } finally {
        await first.close();
      }

      clock.advance(29 * 86_400_000);
      const second = await startTestServer({ clock, dir });
      try {
        expect(await (await postBatch(second.url, d, batch)).text()).toBe(answer);
        expect(second.db.prepare("SELECT 1 FROM idempotency WHERE key = 'stuck'").get()).toBeUndefined();
      } finally {
        await second.close();
      }

      clock.advance(2 * 86_400_000);
      const third = await startTestServer({ clock, dir });
      try {
        expect(third.db.prepare('SELECT 1 FROM idempotency WHERE key = ?').get(batch.batchId)).toBeUndefined();
      } finally {
        await third.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
