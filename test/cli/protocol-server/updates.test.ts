import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { UpdatesResponseSchema, type Update, type UpdatesResponse } from '../../../shared/sync/protocol.ts';
import {
  batchOf,
  errorOf,
  getUpdates,
  postBatch,
  samplePayload,
  startTestServer,
  wireRecord,
  type Device,
  type TestServer,
} from './harness.ts';

async function updates(server: TestServer, device: Device, query = ''): Promise<UpdatesResponse> {
  const res = await getUpdates(server.url, device, query);
  expect(res.status).toBe(200);
  return v.parse(UpdatesResponseSchema, await res.json());
}

/** Reads every page; returns all updates and the pages' sizes. */
async function drain(server: TestServer, device: Device, limit: number): Promise<{ all: Update[]; pages: number[]; cursor: string }> {
  const all: Update[] = [];
  const pages: number[] = [];
  let cursor = '0';
  for (;;) {
    const page = await updates(server, device, `?since=${cursor}&limit=${limit}`);
    all.push(...page.updates);
    pages.push(page.updates.length);
    cursor = page.cursor;
    if (!page.more) return { all, pages, cursor };
  }
}

async function sendMany(server: TestServer, device: Device, type: 'eid' | 'dossier', n: number): Promise<string[]> {
  const records = await Promise.all(Array.from({ length: n }, () => wireRecord(type)));
  const res = await postBatch(server.url, device, batchOf(device, records));
  expect(res.status).toBe(200);
  return records.map((r) => r.id);
}

const FINAL = new Set(['activated', 'rejected', 'needs_fix']);

describe('GET /v1/updates and the deciding province', () => {
  it('with --decide-after 0, every e-ID application reaches a final status with plausible shares', async () => {
    const server = await startTestServer({ policy: { decideAfterMs: 0, seed: 7 } });
    try {
      const device = await server.enrol();
      const ids = await sendMany(server, device, 'eid', 200);
      const { all } = await drain(server, device, 1000);
      const last = new Map<string, Update>();
      for (const u of all) last.set(u.id, u);
      expect(new Set(last.keys())).toEqual(new Set(ids));
      const finals = [...last.values()].map((u) => u.status);
      expect(finals.every((s) => FINAL.has(s))).toBe(true);
      const activated = finals.filter((s) => s === 'activated').length;
      const needsFix = [...last.values()].filter((u) => u.status === 'needs_fix');
      const rejected = finals.filter((s) => s === 'rejected').length;
      expect(activated).toBeGreaterThan(120);
      expect(needsFix.length).toBeGreaterThan(0);
      expect(rejected).toBeGreaterThan(0);
      expect(rejected).toBeLessThan(needsFix.length + activated);
      expect(needsFix.every((u) => u.code === 'PORTRAIT_UNCLEAR' || u.code === 'INFO_MISMATCH')).toBe(true);
      expect(needsFix.every((u) => (u.message ?? '').length > 0)).toBe(true);
      const scheduled = all.filter((u) => u.status === 'scheduled');
      expect(scheduled.length).toBeGreaterThan(0);
      expect(scheduled.every((u) => /T(08|14):00:00\+07:00$/.test(u.appointmentAt ?? ''))).toBe(true);
    } finally {
      await server.dispose();
    }
  });

  it('leaves residents and households at received', async () => {
    const server = await startTestServer({ policy: { decideAfterMs: 0 } });
    try {
      const device = await server.enrol();
      const records = [await wireRecord('resident'), await wireRecord('household')];
      await postBatch(server.url, device, batchOf(device, records));
      const page = await updates(server, device);
      expect(page.updates.map((u) => [u.id, u.status])).toEqual(records.map((r) => [r.id, 'received']));
      expect(page.updates[0]?.serverRef).toMatch(/^TN-/);
    } finally {
      await server.dispose();
    }
  });

  it('decides nothing before --decide-after has passed on the clock, then decides', async () => {
    const server = await startTestServer({ policy: { decideAfterMs: 60_000 } });
    try {
      const device = await server.enrol();
      const [id] = await sendMany(server, device, 'dossier', 1);
      server.clock.advance(59_999);
      expect((await updates(server, device)).updates.map((u) => u.status)).toEqual(['received']);
      server.clock.advance(1);
      const after = await updates(server, device, '?since=1');
      expect(after.updates).toHaveLength(1);
      expect(after.updates[0]).toMatchObject({ id, at: new Date(server.clock.now()).toISOString() });
    } finally {
      await server.dispose();
    }
  });

  it('pages with limit, cursor and more, without gaps or repeats', async () => {
    const server = await startTestServer({ policy: { decideAfterMs: 0 } });
    try {
      const device = await server.enrol();
      await sendMany(server, device, 'dossier', 25);
      const everything = (await updates(server, device, '?limit=1000')).updates;
      const { all, pages, cursor } = await drain(server, device, 7);
      expect(all).toEqual(everything);
      expect(pages.slice(0, -1).every((n) => n === 7)).toBe(true);
      const tail = await updates(server, device, `?since=${cursor}`);
      expect(tail).toEqual({ updates: [], cursor, more: false });
    } finally {
      await server.dispose();
    }
  });

  it("shows a team only its own records' updates", async () => {
    const server = await startTestServer({ policy: { decideAfterMs: 0 } });
    try {
      const a = await server.enrol('Tổ A');
      const b = await server.enrol('Tổ B');
      const ids = await sendMany(server, a, 'eid', 3);
      expect((await updates(server, b)).updates).toEqual([]);
      expect(new Set((await updates(server, a)).updates.map((u) => u.id))).toEqual(new Set(ids));
    } finally {
      await server.dispose();
    }
  });

  it('gives the same decisions for the same seed, and lets a needs_fix record come back and be decided again', async () => {
    const decide = async (ids: readonly string[], seed: number): Promise<string[]> => {
      const server = await startTestServer({ policy: { decideAfterMs: 0, seed } });
      try {
        const device = await server.enrol();
        const records = await Promise.all(ids.map((id) => wireRecord('dossier', { id })));
        await postBatch(server.url, device, batchOf(device, records));
        const { all } = await drain(server, device, 1000);
        return all.map((u) => `${u.id}:${u.status}:${u.code ?? ''}`);
      } finally {
        await server.dispose();
      }
    };
    const ids = await Promise.all(Array.from({ length: 40 }, async () => (await wireRecord('dossier')).id));
    expect(await decide(ids, 3)).toEqual(await decide(ids, 3));

    const server = await startTestServer({ policy: { decideAfterMs: 0, seed: 3 } });
    try {
      const device = await server.enrol();
      const records = await Promise.all(ids.map((id) => wireRecord('dossier', { id })));
      await postBatch(server.url, device, batchOf(device, records));
      const { all, cursor } = await drain(server, device, 1000);
      const sentBack = all.find((u) => u.status === 'needs_fix');
      expect(sentBack).toBeDefined();
      const fixed = await wireRecord('dossier', { id: sentBack?.id ?? '', rev: 2, payload: samplePayload('dossier', { formValues: { fixed: true } }) });
      const res = await postBatch(server.url, device, batchOf(device, [fixed]));
      expect(((await res.json()) as { receipts: { status: string }[] }).receipts[0]?.status).toBe('accepted');
      const statuses = (await updates(server, device, `?since=${cursor}`)).updates.map((u) => u.status);
      // Received again, then decided again; a fixed record is not sent back a second time.
      expect(statuses[0]).toBe('received');
      expect(statuses).not.toContain('needs_fix');
      expect(['approved', 'rejected']).toContain(statuses.at(-1));
    } finally {
      await server.dispose();
    }
  });

  it('answers a bad since or limit with 400 BAD_REQUEST naming the parameter', async () => {
    const server = await startTestServer();
    try {
      const device = await server.enrol();
      for (const [query, field] of [['?since=abc', 'since'], ['?since=-1', 'since'], ['?limit=0', 'limit'], ['?limit=5000', 'limit']] as const) {
        const error = await errorOf(await getUpdates(server.url, device, query));
        expect(error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
        expect(error.message).toContain(field);
      }
    } finally {
      await server.dispose();
    }
  });
});
