import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/sync/canonical.ts';
import { createSyncEngine } from '../../../shared/sync/engine.ts';
import type { OutboxStore } from '../../../shared/sync/outbox-store.ts';
import { makeEntry, testIds } from './helpers/entries.ts';
import { createRig, outboxIds } from './helpers/setup.ts';

const UNAVAILABLE = { ok: false, class: 'transient', status: 503, code: 'UNAVAILABLE', params: { status: 503 } } as const;
const CUT = { ok: false, class: 'transient', code: 'SYNC_NETWORK', params: {} } as const;

describe('sync engine under adversity', () => {
  it('retries a batch whose answer was lost after the commit with the same key and body, and gets the same receipts', async () => {
    const rig = await createRig({ count: 5 });
    const realPost = rig.province.postBatch.bind(rig.province);
    let cut = true;
    rig.province.postBatch = async (request, key) => {
      const answer = await realPost(request, key);
      if (cut) {
        cut = false;
        return CUT; // committed, then the connection dropped
      }
      return answer;
    };
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'complete', accepted: 5, duplicate: 0, remaining: 0 });
    const [lost, retry] = rig.province.batches;
    expect(retry?.key).toBe(lost?.key);
    expect(retry?.request).toEqual(lost?.request);
    expect(retry?.outcome).toBe('replayed');
    expect([...rig.province.commits.values()].every((times) => times === 1)).toBe(true);
  });

  it('gets duplicate receipts, not a second copy, when records already stored are sent again under a new key', async () => {
    const rig = await createRig({ count: 4 });
    await rig.engine.sync();
    for (const entry of rig.entries) rig.store.enqueue(entry);
    const again = await rig.engine.sync();
    expect(again).toMatchObject({ status: 'complete', accepted: 0, duplicate: 4 });
    expect([...rig.province.commits.values()]).toEqual([1, 1, 1, 1]);
  });

  it('applies receipts that come back in another order than the records', async () => {
    const rig = await createRig({ count: 30 });
    rig.province.reverseReceipts = true;
    const [, poisoned] = rig.entries;
    rig.province.rejectWith.set(poisoned?.id ?? '', 'RECORD_INVALID');
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'complete', accepted: 29, quarantined: 1 });
    expect((await rig.store.listQuarantined()).map((entry) => entry.id)).toEqual([poisoned?.id]);
  });

  it('stores the newer rev when two revs of one record travel in one batch', async () => {
    const rig = await createRig({ count: 1 });
    const [first] = rig.entries;
    const edited = await makeEntry(first?.id ?? '', 0, { rev: 2, padding: 5 });
    rig.store.enqueue(edited);
    expect(await rig.engine.sync()).toMatchObject({ status: 'complete', accepted: 2 });
    expect(rig.province.records.get(edited.id)?.rev).toBe(2);
  });

  it('isolates a poison record in the middle of a chunk, quarantines only it, and sends the rest', async () => {
    const rig = await createRig({ count: 100, engine: { limits: { maxRecords: 100 } } });
    const poison = rig.entries[57];
    rig.province.poison.add(poison?.id ?? '');
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'complete', accepted: 99, quarantined: 1, remaining: 0 });
    expect(report.reasons).toEqual([expect.objectContaining({ id: poison?.id, code: 'RECORD_INVALID', quarantined: true })]);
    expect(rig.province.records.has(poison?.id ?? '')).toBe(false);
    // Halving finds it in about log2(100) refusals, not one request per record.
    expect(rig.province.batches.filter((batch) => batch.outcome === 'RECORD_INVALID').length).toBeLessThanOrEqual(8);
  });

  it('stops at once on 401 mid-run with auth-required, losing nothing', async () => {
    const rig = await createRig({ count: 600 });
    const realPost = rig.province.postBatch.bind(rig.province);
    let posts = 0;
    rig.province.postBatch = async (request, key) => (++posts === 2 ? { ok: false, class: 'auth', status: 401, code: 'UNAUTHORIZED', params: { status: 401 } } : realPost(request, key));
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'auth-required', accepted: 250, remaining: 350, problem: { code: 'UNAUTHORIZED', status: 401 } });
    expect(posts).toBe(2);
    expect(rig.time.waits).toEqual([]);
    expect(new Set([...(await outboxIds(rig.store)), ...rig.province.records.keys()])).toEqual(new Set(rig.entries.map((e) => e.id)));
  });

  it('waits as long as Retry-After says before retrying the same batch', async () => {
    const rig = await createRig({ count: 3 });
    rig.province.script('postBatch', { ...UNAVAILABLE, retryAfterMs: 7_000 }, 2);
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'complete', accepted: 3 });
    expect(rig.time.waits).toEqual([7_000, 7_000]);
    expect(new Set(rig.province.batches.map((batch) => batch.key)).size).toBe(1);
    expect(rig.progress.filter((event) => event.kind === 'waiting')).toHaveLength(2);
  });

  it('backs off with growing, jittered waits on transient failures without Retry-After', async () => {
    const rig = await createRig({ count: 3, engine: { backoff: { baseMs: 1_000, capMs: 8_000 } } });
    rig.province.script('postBatch', UNAVAILABLE, 4);
    expect(await rig.engine.sync()).toMatchObject({ status: 'complete' });
    expect(rig.time.waits).toHaveLength(4);
    rig.time.waits.forEach((wait, i) => expect(wait).toBeLessThan(Math.min(8_000, 1_000 * 2 ** i)));
  });

  it('stops as server-unavailable when Retry-After asks for more than the engine may wait', async () => {
    const rig = await createRig({ count: 3 });
    rig.province.script('postBatch', { ...UNAVAILABLE, retryAfterMs: 3_600_000 });
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'server-unavailable', retryAfterMs: 3_600_000, remaining: 3 });
    expect(rig.time.waits).toEqual([]);
  });

  it('stops as offline after the bounded retries, keeping every record and counting the attempts', async () => {
    const rig = await createRig({ count: 3, engine: { maxAttempts: 4 } });
    rig.province.script('postBatch', CUT, 10);
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'offline', remaining: 3, problem: { code: 'SYNC_NETWORK' } });
    expect(rig.time.waits).toHaveLength(3);
    expect((await rig.store.peek({ maxRecords: 10, maxBytes: 1e9 })).map((entry) => entry.attempts)).toEqual([4, 4, 4]);
  });

  it('says server-unavailable, not offline, when the server kept answering 5xx', async () => {
    const rig = await createRig({ count: 1, engine: { maxAttempts: 2 } });
    rig.province.script('postBatch', UNAVAILABLE, 2);
    expect(await rig.engine.sync()).toMatchObject({ status: 'server-unavailable', problem: { status: 503 }, remaining: 1 });
  });

  it('uploads an attachment the server lacks (HEAD, then PUT) before the batch that needs it', async () => {
    const bytes = new TextEncoder().encode('ảnh giấy khai sinh (giả)');
    const sha = await sha256Hex(bytes);
    const rig = await createRig({ count: 2, record: { attachments: [sha] } });
    rig.store.putAttachment(sha, bytes);
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'complete', accepted: 2 });
    expect(rig.province.calls).toEqual(['headAttachment', 'putAttachment', 'postBatch']);
    expect(rig.province.attachments.get(sha)).toEqual(bytes);
  });

  it('does not PUT an attachment the server already holds', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const sha = await sha256Hex(bytes);
    const rig = await createRig({ count: 1, record: { attachments: [sha] } });
    rig.store.putAttachment(sha, bytes);
    rig.province.attachments.set(sha, bytes);
    await rig.engine.sync();
    expect(rig.province.calls).toEqual(['headAttachment', 'postBatch']);
  });

  it('uploads again and resends when a receipt says an attachment is missing, then gets it accepted', async () => {
    const bytes = new Uint8Array([9, 9, 9]);
    const sha = await sha256Hex(bytes);
    const rig = await createRig({ count: 2, record: { attachments: [sha] } });
    rig.store.putAttachment(sha, bytes);
    rig.province.headLies.add(sha); // HEAD says "present", but the bytes are gone
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'complete', accepted: 2, quarantined: 0 });
    expect(rig.province.calls).toEqual(['headAttachment', 'postBatch', 'putAttachment', 'postBatch']);
  });

  it('leaves records for the next run when the server keeps losing their attachment', async () => {
    const bytes = new Uint8Array([7]);
    const sha = await sha256Hex(bytes);
    const rig = await createRig({ count: 1, record: { attachments: [sha] } });
    rig.store.putAttachment(sha, bytes);
    const realPut = rig.province.putAttachment.bind(rig.province);
    rig.province.putAttachment = async () => ({ ok: true, value: null }); // acknowledges, keeps nothing
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'partial', remaining: 1, quarantined: 0 });
    expect(report.reasons).toEqual([expect.objectContaining({ code: 'ATTACHMENT_STILL_MISSING', quarantined: false })]);
    rig.province.putAttachment = realPut;
    expect(await rig.engine.sync()).toMatchObject({ status: 'complete', accepted: 1 });
  });

  it('quarantines only the record whose attachment this device no longer has', async () => {
    const rig = await createRig({ count: 3 });
    const orphan = await makeEntry('0195e3a0-0000-7000-8000-0000000000aa', 5, { attachments: ['d'.repeat(64)] });
    rig.store.enqueue(orphan);
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'complete', accepted: 3, quarantined: 1 });
    expect((await rig.store.listQuarantined())[0]).toMatchObject({ id: orphan.id, reason: { code: 'ATTACHMENT_UNREADABLE' } });
  });

  it('quarantines a record whose stored attachment bytes no longer match their hash, without uploading them', async () => {
    const sha = await sha256Hex(new Uint8Array([1]));
    const rig = await createRig({ count: 1, record: { attachments: [sha] } });
    rig.store.putAttachment(sha, new Uint8Array([2]));
    const report = await rig.engine.sync();
    expect(report.reasons).toEqual([expect.objectContaining({ code: 'ATTACHMENT_CORRUPT', quarantined: true })]);
    expect(rig.province.calls).not.toContain('putAttachment');
  });

  it('stops with aborted when the signal fires mid-run; nothing lost, and the next run finishes without duplicates', async () => {
    const rig = await createRig({ count: 600 });
    const controller = new AbortController();
    let batches = 0;
    rig.province.beforeBatch = () => {
      if (++batches === 2) controller.abort();
    };
    const report = await rig.engine.sync(controller.signal);
    // The second batch was already at the server: its answer is applied, then the run stops.
    expect(report).toMatchObject({ status: 'aborted', accepted: 500, remaining: 100 });
    rig.province.beforeBatch = undefined;
    expect(await rig.engine.sync()).toMatchObject({ status: 'complete', accepted: 100 });
    expect(rig.province.records.size).toBe(600);
    expect([...rig.province.commits.values()].every((times) => times === 1)).toBe(true);
  });

  it('stops with aborted, sending nothing, when the signal has already fired', async () => {
    const rig = await createRig({ count: 3 });
    const report = await rig.engine.sync(AbortSignal.abort());
    expect(report).toMatchObject({ status: 'aborted', sent: 0, remaining: 3 });
    expect(rig.province.calls).toEqual([]);
  });

  it('ends as failed without quarantining anything when the server answers 404 (wrong address)', async () => {
    const rig = await createRig({ count: 5 });
    rig.province.script('postBatch', { ok: false, class: 'permanent', status: 404, code: 'NOT_FOUND', message: 'no such route', params: { status: 404 } });
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'failed', quarantined: 0, remaining: 5, problem: { code: 'NOT_FOUND', status: 404 } });
  });

  it('ends as failed without quarantining anything when the server answers outside the protocol', async () => {
    const rig = await createRig({ count: 5 });
    rig.province.script('postBatch', { ok: false, class: 'permanent', status: 200, code: 'BAD_RESPONSE', message: 'not JSON', params: { status: 200 } });
    expect(await rig.engine.sync()).toMatchObject({ status: 'failed', quarantined: 0, remaining: 5, problem: { code: 'BAD_RESPONSE' } });
  });

  it('ignores a receipt for a record the batch did not carry, so it cannot remove that record', async () => {
    const rig = await createRig({ count: 300 });
    const later = rig.entries[299];
    const realPost = rig.province.postBatch.bind(rig.province);
    rig.province.postBatch = async (request, key) => {
      const answer = await realPost(request, key);
      if (!answer.ok || request.records.some((record) => record.id === later?.id)) return answer;
      const stray = { id: later?.id ?? '', rev: 1, status: 'accepted' as const };
      return { ...answer, value: { ...answer.value, receipts: [...answer.value.receipts, stray] } };
    };
    // Stop after the first batch, before the record the stray receipt names is ever sent.
    const controller = new AbortController();
    rig.province.beforeBatch = () => controller.abort();
    const report = await rig.engine.sync(controller.signal);
    expect(report).toMatchObject({ status: 'aborted', accepted: 250, remaining: 50 });
    expect(await outboxIds(rig.store)).toContain(later?.id);
  });

  it('ends as failed, applying nothing, when the answer names another batch', async () => {
    const rig = await createRig({ count: 3 });
    const realPost = rig.province.postBatch.bind(rig.province);
    rig.province.postBatch = async (request, key) => {
      const answer = await realPost(request, key);
      return answer.ok ? { ...answer, value: { ...answer.value, batchId: 'someone-else' } } : answer;
    };
    expect(await rig.engine.sync()).toMatchObject({ status: 'failed', accepted: 0, remaining: 3, problem: { code: 'BAD_RESPONSE' } });
  });

  it('treats a transport that throws as a transient failure', async () => {
    const rig = await createRig({ count: 2 });
    const realPost = rig.province.postBatch.bind(rig.province);
    let thrown = false;
    rig.province.postBatch = async (request, key) => {
      if (!thrown) {
        thrown = true;
        throw new Error('transport bug');
      }
      return realPost(request, key);
    };
    expect(await rig.engine.sync()).toMatchObject({ status: 'complete', accepted: 2 });
  });

  it('never rejects when storage fails: reports failed with STORAGE_ERROR and keeps the records', async () => {
    const rig = await createRig({ count: 3 });
    const failing: OutboxStore = {
      ...rig.store,
      applyReceipts: () => Promise.reject(new Error('QuotaExceededError')),
    };
    const engine = createSyncEngine({
      store: failing,
      transport: rig.province,
      deviceId: 'device-test-1',
      clock: rig.time.clock,
      random: () => 0.5,
      ids: testIds(3),
      sleep: rig.time.sleep,
    });
    const report = await engine.sync();
    expect(report).toMatchObject({ status: 'failed', problem: { code: 'STORAGE_ERROR', message: 'QuotaExceededError' }, remaining: 3 });
  });
});
