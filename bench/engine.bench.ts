// The sync engine's own cost, without a network: 10,000 household records from a memory outbox
// through an in-process province that answers every batch. Prints records/s and the bytes a
// record takes on the wire as JSON and gzipped (the protocol's ≤ 80 B/record goal is for the
// gzipped body). The end-to-end figures over HTTP and the throttled proxy are in the sandbox bench.
import { gzipSync } from 'node:zlib';
import { hashPayload } from '../shared/sync/canonical.ts';
import { createSyncEngine } from '../shared/sync/engine.ts';
import { createSeededIds } from '../shared/sync/ids.ts';
import { createMemoryOutboxStore } from '../shared/sync/memory-outbox-store.ts';
import { toOutboxEntry } from '../shared/sync/outbox-entry.ts';
import type { BatchResponse, WireRecord } from '../shared/sync/protocol.ts';
import { sleep } from '../shared/sync/sleep.ts';
import type { Transport, TransportResult } from '../shared/sync/transport.ts';

const RECORDS = 10_000;
let counter = 0;
const ids = createSeededIds(() => Date.UTC(2026, 2, 1) + counter++, () => (counter * 2654435761) >>> 0);

const store = createMemoryOutboxStore();
for (let n = 0; n < RECORDS; n += 1) {
  const payload = {
    address: { provinceCode: '96', communeCode: '32002', hamlet: `Ấp Tân Hòa ${n % 12}`, house: `${n % 300} đường số ${n % 7}` },
    headName: `Hộ thử nghiệm số ${n}`,
  };
  const record: WireRecord = {
    id: ids.next(),
    type: 'household',
    rev: 1,
    hash: await hashPayload(payload),
    payload,
    attachments: [],
    consent: null,
    createdAt: '2026-03-01T08:00:00.000+07:00',
    updatedAt: '2026-03-01T08:00:00.000+07:00',
    training: false,
  };
  store.enqueue(toOutboxEntry(record, '2026-03-01T01:00:00.000Z'));
}

let jsonBytes = 0;
let gzipBytes = 0;
let batches = 0;
const unused = async (): Promise<TransportResult<never>> => ({ ok: false, class: 'permanent', status: 404, code: 'NOT_FOUND', message: 'unused', params: { status: 404 } });
const province: Transport = {
  enrol: unused,
  headAttachment: unused,
  putAttachment: unused,
  getUpdates: unused,
  getCatalog: unused,
  async postBatch(request): Promise<TransportResult<BatchResponse>> {
    const body = Buffer.from(JSON.stringify(request));
    jsonBytes += body.byteLength;
    gzipBytes += gzipSync(body).byteLength;
    batches += 1;
    const receipts = request.records.map((record) => ({ id: record.id, rev: record.rev, status: 'accepted' as const }));
    return { ok: true, value: { batchId: request.batchId, receipts, serverTime: new Date().toISOString() } };
  },
};

const engine = createSyncEngine({
  store,
  transport: province,
  deviceId: 'bench-device',
  clock: Date.now,
  random: Math.random,
  ids,
  sleep,
  limits: { maxRecords: 500 },
});
const started = performance.now();
const report = await engine.sync();
const seconds = (performance.now() - started) / 1000;
console.log(`status ${report.status}: ${report.accepted} records in ${batches} batches, ${seconds.toFixed(2)} s`);
console.log(`engine + memory store: ${Math.round(RECORDS / seconds)} records/s (no network; gzip time included)`);
console.log(`request body: ${(jsonBytes / RECORDS).toFixed(0)} B/record as JSON, ${(gzipBytes / RECORDS).toFixed(0)} B/record gzipped`);
