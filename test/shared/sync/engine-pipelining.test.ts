import { describe, expect, it } from 'vitest';
import { callWithRetry } from '../../../shared/sync/call-with-retry.ts';
import { createMemoryOutboxStore } from '../../../shared/sync/memory-outbox-store.ts';
import { createRunContext } from '../../../shared/sync/run-context.ts';
import type { BatchRequest } from '../../../shared/sync/protocol.ts';
import type { TransportResult } from '../../../shared/sync/transport.ts';
import { makeEntry, testIds } from './helpers/entries.ts';
import { createFakeTime } from './helpers/fake-time.ts';
import { FakeProvince } from './helpers/fake-province.ts';
import { seededRandom } from './helpers/seeded.ts';
import { createRig, outboxIds, type Rig } from './helpers/setup.ts';

/** Watches the province's batch endpoint: how many requests overlap, and which records they carry. */
function watchBatches(rig: Rig): { maxAtOnce: () => number; sameIdTogether: () => boolean; order: string[] } {
  const inner = rig.province.postBatch.bind(rig.province);
  let atOnce = 0;
  let max = 0;
  let overlap = false;
  const onTheWire = new Map<string, number>();
  const order: string[] = [];
  rig.province.postBatch = async (request: BatchRequest, key: string) => {
    atOnce += 1;
    max = Math.max(max, atOnce);
    for (const record of request.records) {
      if ((onTheWire.get(record.id) ?? 0) > 0) overlap = true;
      onTheWire.set(record.id, (onTheWire.get(record.id) ?? 0) + 1);
    }
    // A real network answers later: let the engine start what it would start meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 1));
    try {
      const answer = await inner(request, key);
      for (const record of request.records) order.push(`${record.id}@${record.rev}`);
      return answer;
    } finally {
      atOnce -= 1;
      for (const record of request.records) onTheWire.set(record.id, (onTheWire.get(record.id) ?? 1) - 1);
    }
  };
  return { maxAtOnce: () => max, sameIdTogether: () => overlap, order };
}

describe('sync engine: batches in flight', () => {
  it('keeps two batches on the wire at once by default, never more, and delivers everything', async () => {
    const rig = await createRig({ count: 1000, engine: { limits: { maxRecords: 100 } } });
    const watch = watchBatches(rig);
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'complete', sent: 1000, accepted: 1000, remaining: 0 });
    expect(watch.maxAtOnce()).toBe(2);
    expect(rig.province.batches).toHaveLength(10);
    expect([...rig.province.commits.values()].every((times) => times === 1)).toBe(true);
    expect(await outboxIds(rig.store)).toEqual([]);
  });

  it('sends one batch at a time when maxBatchesInFlight is 1', async () => {
    const rig = await createRig({ count: 500, engine: { limits: { maxRecords: 100 }, maxBatchesInFlight: 1 } });
    const watch = watchBatches(rig);
    expect(await rig.engine.sync()).toMatchObject({ status: 'complete', accepted: 500 });
    expect(watch.maxAtOnce()).toBe(1);
  });

  it('never has two revs of one record in flight together, so the server gets them in order', async () => {
    const rig = await createRig({ count: 0, engine: { limits: { maxRecords: 2 }, maxBatchesInFlight: 3 } });
    const ids = testIds(7);
    const [edited, a, b, c, d] = [ids.next(), ids.next(), ids.next(), ids.next(), ids.next()];
    // The queue: edited@1 a | edited@2 b | c d — a naive pipeline would send both revs at once.
    for (const [id, n, rev] of [[edited, 0, 1], [a, 1, 1], [edited, 2, 2], [b, 3, 1], [c, 4, 1], [d, 5, 1]] as const) {
      rig.store.enqueue(await makeEntry(id, n, { rev }));
    }
    const watch = watchBatches(rig);
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'complete', accepted: 6, quarantined: 0, remaining: 0 });
    expect(watch.sameIdTogether()).toBe(false);
    expect(watch.order.indexOf(`${edited}@1`)).toBeLessThan(watch.order.indexOf(`${edited}@2`));
    expect(rig.province.records.get(edited)?.rev).toBe(2);
  });

  it('starts no request while a receipt of the other batch is still being written (every state change durable first)', async () => {
    const rig = await createRig({ count: 800, engine: { limits: { maxRecords: 100 } } });
    watchBatches(rig);
    let writing = 0;
    let sentDuringWrite = 0;
    const apply = rig.store.applyReceipts.bind(rig.store);
    rig.store.applyReceipts = async (receipts, at) => {
      writing += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      await apply(receipts, at);
      writing -= 1;
    };
    const post = rig.province.postBatch.bind(rig.province);
    rig.province.postBatch = async (request: BatchRequest, key: string) => {
      if (writing > 0) sentDuringWrite += 1;
      return post(request, key);
    };
    expect(await rig.engine.sync()).toMatchObject({ status: 'complete', accepted: 800 });
    expect(sentDuringWrite).toBe(0);
  });

  it('stops the run on a 401 in one batch, and still applies the receipts of the batch beside it', async () => {
    const rig = await createRig({ count: 400, engine: { limits: { maxRecords: 100 } } });
    watchBatches(rig);
    rig.province.script('postBatch', { ok: false, class: 'auth', status: 401, code: 'UNAUTHORIZED', params: { status: 401 } });
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'auth-required', problem: { code: 'UNAUTHORIZED' } });
    // The other batch was already on the wire: its 100 receipts are real and kept.
    expect(report.accepted).toBe(100);
    expect(await outboxIds(rig.store)).toHaveLength(300);
  });
});

describe('sync engine: Retry-After holds every batch of the run', () => {
  const UNAVAILABLE = { ok: false, class: 'transient', status: 503, code: 'UNAVAILABLE', params: { status: 503 } } as const;

  function context() {
    const time = createFakeTime();
    const ctx = createRunContext(
      {
        store: createMemoryOutboxStore(),
        transport: new FakeProvince(time.clock),
        deviceId: 'device-test-1',
        clock: time.clock,
        random: seededRandom(3),
        ids: testIds(3),
        sleep: time.sleep,
      },
      undefined,
    );
    return { time, ctx };
  }

  it('a Retry-After answer sets the hold for the whole run', async () => {
    const { time, ctx } = context();
    const answers: TransportResult<string>[] = [{ ...UNAVAILABLE, retryAfterMs: 7_000 }, { ok: true, value: 'done' }];
    const started = time.clock();
    const outcome = await callWithRetry(ctx, async () => answers.shift() ?? { ok: true, value: 'done' });
    expect(outcome.ok).toBe(true);
    expect(ctx.tally.holdUntilMs).toBe(started + 7_000);
  });

  it('a request of another batch waits out the hold before it is sent', async () => {
    const { time, ctx } = context();
    ctx.tally.holdUntilMs = time.clock() + 5_000;
    let sentAt: number | undefined;
    await callWithRetry(ctx, async () => {
      sentAt = time.clock();
      return { ok: true, value: null };
    });
    expect(time.waits).toEqual([5_000]);
    expect(sentAt).toBe(ctx.tally.holdUntilMs);
  });
});
