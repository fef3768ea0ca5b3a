import { describe, expect, it } from 'vitest';
import { makeEntry } from './helpers/entries.ts';
import { createRig, outboxIds } from './helpers/setup.ts';

describe('sync engine: upload', () => {
  it('sends the whole outbox in bounded chunks and empties it on receipts', async () => {
    const rig = await createRig({ count: 600 });
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'complete', sent: 600, accepted: 600, duplicate: 0, quarantined: 0, remaining: 0 });
    expect(rig.province.batches.map((batch) => batch.request.records.length)).toEqual([250, 250, 100]);
    expect(await outboxIds(rig.store)).toEqual([]);
    expect(await rig.store.receiptFor(rig.entries[599]?.id ?? '')).toMatchObject({ status: 'accepted' });
  });

  it('never puts more records in a batch than maxRecords', async () => {
    const rig = await createRig({ count: 1000, engine: { limits: { maxRecords: 100 } } });
    await rig.engine.sync();
    const sizes = rig.province.batches.map((batch) => batch.request.records.length);
    expect(sizes).toHaveLength(10);
    expect(Math.max(...sizes)).toBe(100);
  });

  it('never puts more bytes in a batch than maxBytes, unless one record alone is bigger', async () => {
    const maxBytes = 4_000;
    const bounded = await createRig({ count: 40, record: { padding: 300 }, engine: { limits: { maxBytes } } });
    const big = await makeEntry('0195e3a0-0000-7000-8000-00000000b16b', 99, { padding: 9_000 });
    bounded.store.enqueue(big);
    const report = await bounded.engine.sync();
    expect(report.status).toBe('complete');
    const byteSizes = bounded.province.batches.map((batch) =>
      batch.request.records.reduce((sum, record) => sum + new TextEncoder().encode(JSON.stringify(record)).byteLength, 0),
    );
    for (const [i, batch] of bounded.province.batches.entries()) {
      if (batch.request.records.length > 1) expect(byteSizes[i]).toBeLessThanOrEqual(maxBytes);
    }
    const alone = bounded.province.batches.find((batch) => batch.request.records.some((record) => record.id === big.id));
    expect(alone?.request.records).toHaveLength(1);
    expect(bounded.province.batches.length).toBeGreaterThan(3);
  });

  it('runs one upload loop at a time: a second call joins the running one', async () => {
    const rig = await createRig({ count: 300 });
    const first = rig.engine.sync();
    const second = rig.engine.sync();
    expect(second).toBe(first);
    await first;
    expect(rig.province.batches).toHaveLength(2);
    const third = await rig.engine.sync();
    expect(third).toMatchObject({ status: 'complete', sent: 0 });
  });

  it('says complete for an empty outbox', async () => {
    const rig = await createRig({ count: 0 });
    expect(await rig.engine.sync()).toMatchObject({ status: 'complete', sent: 0, remaining: 0, reasons: [] });
    expect(rig.province.calls).toEqual([]);
  });

  it('quarantines records the province rejects, with their reason, and still says complete', async () => {
    const rig = await createRig({ count: 5 });
    const [, second] = rig.entries;
    rig.province.rejectWith.set(second?.id ?? '', 'CONSENT_MISSING');
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'complete', accepted: 4, quarantined: 1, remaining: 0, quarantinedTotal: 1 });
    expect(report.reasons).toEqual([{ id: second?.id, rev: 1, code: 'CONSENT_MISSING', message: 'refused: CONSENT_MISSING', quarantined: true }]);
    expect((await rig.store.listQuarantined())[0]?.reason.code).toBe('CONSENT_MISSING');
  });

  it('quarantines training records the province refuses', async () => {
    const rig = await createRig({ count: 3, record: { training: true } });
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'complete', accepted: 0, quarantined: 3 });
    expect(rig.province.records.size).toBe(0);
  });

  it('says partial, not complete, when a record got no receipt; the next run sends it', async () => {
    const rig = await createRig({ count: 5 });
    const lost = rig.entries[2]?.id ?? '';
    rig.province.omitReceipt.add(lost);
    const first = await rig.engine.sync();
    expect(first).toMatchObject({ status: 'partial', accepted: 4, remaining: 1 });
    expect(first.reasons).toEqual([expect.objectContaining({ id: lost, code: 'NO_RECEIPT', quarantined: false })]);
    expect((await rig.store.peek({ maxRecords: 10, maxBytes: 1e9 }))[0]?.attempts).toBe(1);
    rig.province.omitReceipt.clear();
    expect(await rig.engine.sync()).toMatchObject({ status: 'complete', sent: 1, accepted: 1, remaining: 0 });
  });

  it('keeps a newer rev queued while the receipt of the older rev arrives, and sends it after', async () => {
    const rig = await createRig({ count: 3 });
    const [first] = rig.entries;
    const edited = await makeEntry(first?.id ?? '', 0, { rev: 2, padding: 10 });
    let edits = 0;
    rig.province.beforeBatch = () => {
      if (edits++ === 0) rig.store.enqueue(edited);
    };
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'complete', accepted: 4 });
    expect(rig.province.records.get(first?.id ?? '')).toEqual({ rev: 2, hash: edited.record.hash });
    expect(rig.province.batches.map((batch) => batch.request.records.map((record) => record.rev))).toEqual([[1, 1, 1], [2]]);
  });

  it('reports progress as values: chunks and running receipt totals', async () => {
    const rig = await createRig({ count: 300 });
    await rig.engine.sync();
    expect(rig.progress.filter((event) => event.kind === 'chunk')).toEqual([
      { kind: 'chunk', records: 250, bytes: expect.any(Number) },
      { kind: 'chunk', records: 50, bytes: expect.any(Number) },
    ]);
    expect(rig.progress.filter((event) => event.kind === 'receipts').at(-1)).toEqual({
      kind: 'receipts',
      sent: 300,
      accepted: 300,
      duplicate: 0,
      quarantined: 0,
    });
  });

  it('keeps going when the progress listener throws', async () => {
    const rig = await createRig({
      count: 3,
      engine: {
        onProgress: () => {
          throw new Error('listener bug');
        },
      },
    });
    expect(await rig.engine.sync()).toMatchObject({ status: 'complete', accepted: 3 });
  });
});
