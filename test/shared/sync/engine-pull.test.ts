import { describe, expect, it } from 'vitest';
import type { Update } from '../../../shared/sync/protocol.ts';
import { createRig } from './helpers/setup.ts';

const AT = '2026-03-05T02:00:00.000Z';

function decisions(ids: readonly string[]): Update[] {
  return ids.map((id, i) => ({ id, type: 'household', status: i % 2 === 0 ? 'received' : 'approved', at: AT, serverRef: `R-${i}` }));
}

describe('sync engine: pulling updates', () => {
  it('pulls every page since the stored cursor and stores each page with its cursor', async () => {
    const rig = await createRig({ count: 5 });
    rig.province.updates = decisions(rig.entries.map((entry) => entry.id));
    const report = await rig.engine.pullUpdates();
    expect(report).toEqual({ status: 'complete', received: 5, pages: 3 });
    expect(await rig.store.getState('updatesCursor')).toBe('5');
    expect(rig.store.latestUpdate(rig.entries[1]?.id ?? '')).toMatchObject({ status: 'approved', serverRef: 'R-1' });
  });

  it('asks only for what is new on the next pull', async () => {
    const rig = await createRig({ count: 3 });
    rig.province.updates = decisions(rig.entries.slice(0, 2).map((entry) => entry.id));
    await rig.engine.pullUpdates();
    expect(await rig.engine.pullUpdates()).toEqual({ status: 'complete', received: 0, pages: 1 });
    rig.province.updates.push(...decisions([rig.entries[2]?.id ?? '']));
    expect(await rig.engine.pullUpdates()).toEqual({ status: 'complete', received: 1, pages: 1 });
  });

  it('keeps the pages already stored when a later page fails, and resumes from there', async () => {
    const rig = await createRig({ count: 6 });
    rig.province.updates = decisions(rig.entries.map((entry) => entry.id));
    const realGet = rig.province.getUpdates.bind(rig.province);
    let calls = 0;
    rig.province.getUpdates = async (cursor) => (++calls === 2 ? { ok: false, class: 'auth', status: 403, code: 'FORBIDDEN', params: { status: 403 } } : realGet(cursor));
    expect(await rig.engine.pullUpdates()).toMatchObject({ status: 'auth-required', received: 2, pages: 1 });
    expect(await rig.store.getState('updatesCursor')).toBe('2');
    expect(await rig.engine.pullUpdates()).toEqual({ status: 'complete', received: 4, pages: 2 });
  });

  it('retries a page after a cut connection', async () => {
    const rig = await createRig({ count: 2 });
    rig.province.updates = decisions(rig.entries.map((entry) => entry.id));
    rig.province.script('getUpdates', { ok: false, class: 'transient', code: 'SYNC_NETWORK', params: {} }, 2);
    expect(await rig.engine.pullUpdates()).toEqual({ status: 'complete', received: 2, pages: 1 });
    expect(rig.time.waits).toHaveLength(2);
  });

  it('stops as failed when the server says more but its cursor does not move', async () => {
    const rig = await createRig({ count: 0 });
    rig.province.getUpdates = async () => ({ ok: true, value: { updates: [], cursor: 'same', more: true } });
    await rig.store.setState('updatesCursor', 'same');
    expect(await rig.engine.pullUpdates()).toMatchObject({ status: 'failed', problem: { code: 'BAD_RESPONSE' } });
  });
});

describe('sync engine: pulling the catalog', () => {
  it('applies a new catalog, then stores its ETag; an unchanged one is not fetched again', async () => {
    const applied: unknown[] = [];
    const rig = await createRig({ count: 0, engine: { applyCatalog: async (catalog) => void applied.push(catalog) } });
    expect(await rig.engine.pullCatalog()).toEqual({ status: 'updated', catalog: { procedures: [] }, etag: '"v1"' });
    expect(await rig.store.getState('catalogEtag')).toBe('"v1"');
    expect(await rig.engine.pullCatalog()).toEqual({ status: 'unchanged' });
    expect(applied).toHaveLength(1);
  });

  it('does not store the ETag when saving the catalog failed, so the next pull fetches it again', async () => {
    const rig = await createRig({
      count: 0,
      engine: { applyCatalog: () => Promise.reject(new Error('disk full')) },
    });
    expect(await rig.engine.pullCatalog()).toMatchObject({ status: 'failed', problem: { code: 'STORAGE_ERROR' } });
    expect(await rig.store.getState('catalogEtag')).toBeUndefined();
  });

  it('reports auth-required for a 401 on the catalog', async () => {
    const rig = await createRig({ count: 0 });
    rig.province.script('getCatalog', { ok: false, class: 'auth', status: 401, code: 'UNAUTHORIZED', params: { status: 401 } });
    expect(await rig.engine.pullCatalog()).toMatchObject({ status: 'auth-required' });
  });
});

describe('sync engine: clock', () => {
  it('measures and stores the server-clock offset, without flagging a small one', async () => {
    const rig = await createRig({ count: 2 });
    rig.province.serverClockOffsetMs = 90_000;
    const report = await rig.engine.sync();
    expect(report.clockOffsetMs).toBe(90_000);
    expect(report.clockSkewMs).toBeUndefined();
    expect(await rig.store.getState('clockOffsetMs')).toBe('90000');
  });

  it('flags a device clock more than five minutes off', async () => {
    const rig = await createRig({ count: 2 });
    rig.province.serverClockOffsetMs = -(6 * 60 * 1000);
    const report = await rig.engine.sync();
    expect(report).toMatchObject({ status: 'complete', clockSkewMs: -360_000 });
  });
});
