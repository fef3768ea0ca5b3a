import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type BatchRequest } from '../../../shared/sync/protocol.ts';
import { makeEntries, testIds } from './helpers/entries.ts';
import { FakeProvince } from './helpers/fake-province.ts';

// The engine's adversarial tests lean on the fake province behaving like the real server
// (test/cli/protocol-server proves the server): these pin the fake down.
describe('the fake province the engine tests run against', () => {
  it('answers the same batch sent twice with the same receipts, storing nothing twice', async () => {
    const province = new FakeProvince(() => Date.parse('2026-03-01T08:00:00Z'));
    const records = (await makeEntries(3, testIds(5))).map((entry) => entry.record);
    const request: BatchRequest = { protocol: PROTOCOL_VERSION, batchId: testIds(9).next(), deviceId: 'd', records };
    const first = await province.postBatch(request, request.batchId);
    const second = await province.postBatch(request, request.batchId);
    expect(second).toEqual(first);
    expect([...province.commits.values()]).toEqual([1, 1, 1]);
    expect(province.batches.map((batch) => batch.outcome)).toEqual(['ok', 'replayed']);
  });

  it('refuses the same key with another body (422), as the server does', async () => {
    const province = new FakeProvince(() => Date.parse('2026-03-01T08:00:00Z'));
    const records = (await makeEntries(2, testIds(6))).map((entry) => entry.record);
    const batchId = testIds(10).next();
    const request: BatchRequest = { protocol: PROTOCOL_VERSION, batchId, deviceId: 'd', records };
    await province.postBatch(request, batchId);
    const other = await province.postBatch({ ...request, records: records.slice(1) }, batchId);
    expect(other).toMatchObject({ ok: false, class: 'permanent', status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  });
});
