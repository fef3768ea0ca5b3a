import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../shared/sync/canonical.ts';
import { createHttpTransport } from '../../shared/sync/http-transport.ts';
import { PROTOCOL_VERSION, type BatchRequest, type WireRecord } from '../../shared/sync/protocol.ts';
import type { SyncProgress } from '../../shared/sync/sync-report.ts';
import { systemIds } from '../../shared/sync/ids.ts';
import { payloadHash, residentRecords } from '../helpers/resident-records.ts';
import { enrolDevice, readProvince, revokeDevice, startSandboxProcess, type SandboxProcess } from '../helpers/sandbox-process.ts';
import { createSyncClient, gzipBytes, nodeFetch, type SeenResponse, type SyncClientOptions } from '../helpers/sync-client.ts';

/**
 * The engine against the real `langso sandbox` (child processes, SQLite files): the failures
 * docs/PROTOCOL.md names, one at a time, each checked on both sides. The server's own answers to bad
 * requests are proven in test/cli/protocol-server; here it is what the engine makes of them.
 */
let plain: SandboxProcess | undefined;
let cutting: SandboxProcess | undefined;
let failing: SandboxProcess | undefined;

beforeAll(async () => {
  [plain, cutting, failing] = await Promise.all([
    startSandboxProcess(),
    startSandboxProcess({ cutAfterCommitRate: 0.5, seed: 3 }),
    startSandboxProcess({ failRate: 0.3, seed: 5 }),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all([plain?.stop(), cutting?.stop(), failing?.stop()]);
});

function running(sandbox: SandboxProcess | undefined): SandboxProcess {
  if (!sandbox) throw new Error('sandbox did not start');
  return sandbox;
}

let nextSeed = 500;
function records(count: number): WireRecord[] {
  nextSeed += 1;
  return residentRecords({ count, seed: nextSeed });
}

/** The same record with its payload changed, hashed again as the device would. */
function withPayload(record: WireRecord, change: Record<string, unknown>): WireRecord {
  const payload = { ...(record.payload as Record<string, unknown>), ...change };
  return { ...record, payload, hash: payloadHash(payload) };
}

const fast = { backoff: { baseMs: 5, capMs: 40 } } as const;

type Device = Awaited<ReturnType<typeof enrolDevice>>;

/** An enrolled device's sync client against a sandbox, retrying fast. */
function clientOf(sandbox: SandboxProcess, device: Device, outbox: readonly WireRecord[], options: Partial<SyncClientOptions> = {}) {
  return createSyncClient({ baseUrl: sandbox.url, deviceId: device.deviceId, token: device.token, records: [...outbox], ...fast, ...options });
}

/** The province holds exactly these records, none received twice. */
function expectProvinceHoldsEachOnce(sandbox: SandboxProcess, device: Device, outbox: readonly WireRecord[]): void {
  const province = readProvince(sandbox.dbFile, device.teamId);
  expect(province.ids).toEqual(outbox.map((record) => record.id).sort());
  expect(province.idsReceivedTwice).toEqual([]);
}

describe('the engine and the real sandbox', () => {
  it('gets the same receipts for the same batch sent twice, and duplicates with the same references for records resent in new batches; stores each once', async () => {
    const sandbox = running(plain);
    const device = await enrolDevice(sandbox);
    const outbox = records(300);

    const transport = createHttpTransport({ baseUrl: sandbox.url, token: device.token, fetch: nodeFetch(), gzip: gzipBytes });
    const batch: BatchRequest = { protocol: PROTOCOL_VERSION, batchId: systemIds.next(), deviceId: device.deviceId, records: outbox.slice(0, 50) };
    const answerOf = (result: Awaited<ReturnType<typeof transport.postBatch>>) => (result.ok ? result.value : result);
    const first = answerOf(await transport.postBatch(batch, batch.batchId));
    const again = answerOf(await transport.postBatch(batch, batch.batchId));
    expect(first).toMatchObject({ batchId: batch.batchId, receipts: expect.arrayContaining([expect.objectContaining({ status: 'accepted' })]) });
    expect(again).toEqual(first);

    // A device restored from a backup taken before its receipts came: it sends everything again.
    const restored = clientOf(sandbox, device, outbox);
    expect((await restored.syncUntilSettled(3)).at(-1)).toMatchObject({ status: 'complete', accepted: 250, duplicate: 50 });
    const refs = new Map(outbox.map((record) => [record.id, '']));
    for (const record of outbox) refs.set(record.id, (await restored.store.receiptFor(record.id))?.serverRef ?? '');

    const resent = clientOf(sandbox, device, outbox);
    expect((await resent.syncUntilSettled(3)).at(-1)).toMatchObject({ status: 'complete', accepted: 0, duplicate: 300 });
    for (const record of outbox) expect((await resent.store.receiptFor(record.id))?.serverRef).toBe(refs.get(record.id));

    expectProvinceHoldsEachOnce(sandbox, device, outbox);
  });

  it('retries a batch whose answer was lost after the commit with the same key and gets the original receipts, not duplicates', async () => {
    const sandbox = running(cutting);
    const device = await enrolDevice(sandbox);
    const outbox = records(1_000);
    const seen: SeenResponse[] = [];
    const client = clientOf(sandbox, device, outbox, {
      fetch: nodeFetch({ seen }),
      limits: { maxRecords: 100 },
      maxAttempts: 10,
    });
    const reports = await client.syncUntilSettled(5);
    // Half the commits lost their answer; every retry was a replay of the committed answer.
    expect(reports.at(-1)).toMatchObject({ status: 'complete', remaining: 0 });
    expect(reports.reduce((sum, report) => sum + report.accepted, 0)).toBe(1_000);
    expect(reports.reduce((sum, report) => sum + report.duplicate, 0)).toBe(0);
    expect(seen.filter((response) => response.replayed).length).toBeGreaterThan(0);
    expectProvinceHoldsEachOnce(sandbox, device, outbox);
  });

  it('quarantines a refused record in the middle of a chunk with its reason and keeps the rest moving', async () => {
    const sandbox = running(plain);
    const device = await enrolDevice(sandbox);
    const outbox = records(200);
    const poison = withPayload(outbox[100] as WireRecord, { cccd: '09619001234' });
    outbox[100] = poison;
    const client = clientOf(sandbox, device, outbox, { limits: { maxRecords: 200 } });
    expect((await client.syncUntilSettled(3)).at(-1)).toMatchObject({ status: 'complete', accepted: 199, quarantined: 1, remaining: 0 });
    const [held] = await client.store.listQuarantined();
    expect(held).toMatchObject({ id: poison.id, reason: { code: 'RECORD_INVALID', message: expect.stringContaining('payload.cccd') } });
    expect(held?.reason.message).not.toContain('09619001234');
    expect(readProvince(sandbox.dbFile, device.teamId).ids).toHaveLength(199);
  });

  it('finds the one record that makes the server refuse a whole batch, by halving, and quarantines only it', async () => {
    const sandbox = running(plain);
    const device = await enrolDevice(sandbox);
    const outbox = records(200);
    const broken: WireRecord = { ...(outbox[137] as WireRecord), createdAt: 'hôm qua' };
    outbox[137] = broken;
    const seen: SeenResponse[] = [];
    const client = clientOf(sandbox, device, outbox, {
      fetch: nodeFetch({ seen }),
      limits: { maxRecords: 200 },
    });
    expect((await client.syncUntilSettled(3)).at(-1)).toMatchObject({ status: 'complete', accepted: 199, quarantined: 1, remaining: 0 });
    expect(await client.store.listQuarantined()).toMatchObject([{ id: broken.id, reason: { code: 'BAD_REQUEST' } }]);
    // Refused: 200, 100, 50, 25, 13, 6, 3, then the 1 alone; each of the 7 splits had one good half.
    const posts = seen.filter((response) => response.method === 'POST');
    expect(posts.filter((response) => response.status === 400)).toHaveLength(8);
    expect(posts.filter((response) => response.status === 200)).toHaveLength(7);
    expect(readProvince(sandbox.dbFile, device.teamId).ids).toEqual(outbox.filter((r) => r !== broken).map((r) => r.id).sort());
  });

  it('stops at a 401 when the token is revoked mid-run, keeps every unsent record, and finishes once the device enrols again', async () => {
    const sandbox = running(plain);
    const device = await enrolDevice(sandbox);
    const outbox = records(600);
    let revoked = false;
    const first = clientOf(sandbox, device, outbox, {
      limits: { maxRecords: 100 },
      onProgress: (event) => {
        if (event.kind === 'receipts' && !revoked) {
          revokeDevice(sandbox.dbFile, device.deviceId);
          revoked = true;
        }
      },
    });
    const stopped = await first.engine.sync();
    expect(stopped).toMatchObject({ status: 'auth-required', quarantinedTotal: 0, problem: { code: 'UNAUTHORIZED', status: 401 } });
    // The batch beside the first one may already have been accepted before the token was revoked.
    expect([100, 200]).toContain(stopped.accepted);
    expect(stopped.remaining).toBe(600 - stopped.accepted);
    expect(readProvince(sandbox.dbFile, device.teamId).ids).toHaveLength(stopped.accepted);

    const again = await enrolDevice(sandbox, { teamId: device.teamId });
    const resumed = clientOf(sandbox, again, [], { store: first.store });
    expect((await resumed.syncUntilSettled(3)).at(-1)).toMatchObject({ status: 'complete', accepted: 600 - stopped.accepted, duplicate: 0, remaining: 0 });
    expect(readProvince(sandbox.dbFile, device.teamId).ids).toEqual(outbox.map((record) => record.id).sort());
  });

  it("waits at least the Retry-After of the sandbox's 503s before trying again, and still delivers every record once", async () => {
    const sandbox = running(failing);
    const device = await enrolDevice(sandbox);
    const outbox = records(500);
    const progress: SyncProgress[] = [];
    const client = clientOf(sandbox, device, outbox, {
      limits: { maxRecords: 50 },
      maxAttempts: 10,
      onProgress: (event) => progress.push(event),
      // The waits are recorded, not slept: the sandbox's Retry-After is 1 s.
      sleep: async () => {},
    });
    expect((await client.syncUntilSettled(5)).at(-1)).toMatchObject({ status: 'complete', remaining: 0 });
    const waits = progress.filter((event) => event.kind === 'waiting');
    expect(waits.length).toBeGreaterThan(0);
    const kinds = new Set(waits.map((event) => `${event.status} ${event.cause} ${event.delayMs >= 1_000 ? 'waited ≥ 1 s' : 'waited < 1 s'}`));
    expect(kinds).toEqual(new Set(['503 UNAVAILABLE waited ≥ 1 s']));
    expectProvinceHoldsEachOnce(sandbox, device, outbox);
  });

  it('ends the run as server-unavailable, keeping the records, when the Retry-After is longer than the device may wait', async () => {
    const sandbox = running(failing);
    const device = await enrolDevice(sandbox);
    const client = clientOf(sandbox, device, records(1_000), { limits: { maxRecords: 50 }, maxRetryAfterMs: 500, sleep: async () => {} });
    const report = await client.engine.sync();
    expect(report).toMatchObject({ status: 'server-unavailable', retryAfterMs: 1_000, problem: { code: 'UNAVAILABLE', status: 503 }, quarantinedTotal: 0 });
    expect(report.remaining).toBe(1_000 - report.accepted);
    expect(readProvince(sandbox.dbFile, device.teamId).ids).toHaveLength(report.accepted);
  });

  it("uploads an attachment the receipt says is missing and sends the record again; never accepts it before", async () => {
    const sandbox = running(plain);
    const device = await enrolDevice(sandbox);
    const outbox = records(20);
    const image = new TextEncoder().encode('chữ ký vẽ tay của chủ hộ (ảnh thử nghiệm)');
    const sha256 = await sha256Hex(image);
    const first = outbox[0] as WireRecord;
    // The consent points at the signature, but the device forgot to list it as an attachment.
    const signed: WireRecord = { ...first, consent: first.consent && { ...first.consent, method: 'signature', signatureSha256: sha256 }, attachments: [] };
    outbox[0] = signed;
    const seen: SeenResponse[] = [];
    const client = clientOf(sandbox, device, outbox, {
      attachments: new Map([[sha256, image]]),
      fetch: nodeFetch({ seen }),
    });
    expect((await client.syncUntilSettled(3)).at(-1)).toMatchObject({ status: 'complete', accepted: 20, remaining: 0 });
    expect(seen.map((response) => `${response.method} ${response.status}`)).toEqual(['POST 200', 'PUT 201', 'POST 200']);
    expect(await client.store.receiptFor(signed.id)).toMatchObject({ status: 'accepted' });
  });

  it('quarantines a record whose attachment the device lost, sends the rest, and sends it once the image is found and the record re-queued', async () => {
    const sandbox = running(plain);
    const device = await enrolDevice(sandbox);
    const outbox = records(30);
    const image = new TextEncoder().encode('ảnh chữ ký bị mất rồi tìm lại được');
    const sha256 = await sha256Hex(image);
    const first = outbox[3] as WireRecord;
    const signed: WireRecord = { ...first, consent: first.consent && { ...first.consent, method: 'signature', signatureSha256: sha256 }, attachments: [sha256] };
    outbox[3] = signed;
    const client = clientOf(sandbox, device, outbox);
    expect((await client.syncUntilSettled(3)).at(-1)).toMatchObject({ status: 'complete', accepted: 29, quarantined: 1 });
    expect(await client.store.listQuarantined()).toMatchObject([{ id: signed.id, reason: { code: 'ATTACHMENT_UNREADABLE' } }]);
    expect(readProvince(sandbox.dbFile, device.teamId).ids).not.toContain(signed.id);

    client.store.putAttachment(sha256, image);
    expect(await client.store.requeue(signed.id)).toBe(true);
    expect((await client.syncUntilSettled(3)).at(-1)).toMatchObject({ status: 'complete', accepted: 1, quarantinedTotal: 0 });
    expect(readProvince(sandbox.dbFile, device.teamId).ids).toEqual(outbox.map((record) => record.id).sort());
  });
});
