import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHubDatabase } from '../../../cli/workspace/hub-database.ts';
import { relayDecisionsToWorkspaceHub, relayDecisionToHub } from '../../../cli/upstream/relay-decision.ts';
import type { RunningHub } from '../../../cli/hub/start-hub.ts';
import { hashPayload } from '../../../shared/sync/canonical.ts';
import type { BatchResponse, Update, UpdatesResponse } from '../../../shared/sync/protocol.ts';
import { batchOf, getUpdates, postBatch, samplePayload, wireRecord, type Device } from '../protocol-server/harness.ts';
import { enrolPhone, initTestWorkspace, startTestHub } from '../hub/hub-fixture.ts';

let dir: string;
let hub: RunningHub;
let url: string;
let phone: Device;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'langso-hub-relay-'));
  await initTestWorkspace(dir);
  hub = await startTestHub(dir);
  url = hub.urls[0] ?? '';
  phone = await enrolPhone(url, hub.codes[0] ?? '');
});

afterEach(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

async function updates(since = '0'): Promise<UpdatesResponse> {
  const res = await getUpdates(url, phone, `?since=${since}`);
  expect(res.status).toBe(200);
  return (await res.json()) as UpdatesResponse;
}

/** What `langso updates` would relay: the hub's team shares the lead's, the hub.db the running hub's. */
function relay(list: readonly Update[]): string[] {
  const db = openHubDatabase(dir, true);
  try {
    return list.map((update) => relayDecisionToHub(db, update));
  } finally {
    db.close();
  }
}

describe('relayDecisionToHub: the province decides, the hub relays', () => {
  it('announces nothing of its own: a phone sees no update for what the hub accepted', async () => {
    const record = await wireRecord('eid');
    const res = await postBatch(url, phone, batchOf(phone, [record]));
    expect(((await res.json()) as BatchResponse).receipts[0]?.status).toBe('accepted');
    expect(await updates()).toEqual({ updates: [], cursor: '0', more: false });
  });

  it('serves relayed decisions in /v1/updates in order, once however often they are relayed', async () => {
    const record = await wireRecord('eid');
    await postBatch(url, phone, batchOf(phone, [record]));
    const received: Update = { id: record.id, type: 'eid', status: 'received', serverRef: 'TN-261127-000001', at: '2026-11-27T03:00:00.000Z' };
    const fix: Update = {
      id: record.id,
      type: 'eid',
      status: 'needs_fix',
      serverRef: 'TN-261127-000001',
      code: 'PORTRAIT_UNCLEAR',
      message: 'Ảnh chân dung không rõ',
      at: '2026-11-27T04:00:00.000Z',
    };
    expect(relay([received, fix])).toEqual(['relayed', 'relayed']);
    expect(relay([received, fix])).toEqual(['known', 'known']);

    const page = await updates();
    expect(page.updates).toEqual([received, fix]);
    expect(page.more).toBe(false);
    expect((await updates(page.cursor)).updates).toEqual([]);
  });

  it('gives later receipts the province reference and refuses a change the province no longer allows', async () => {
    const record = await wireRecord('eid');
    await postBatch(url, phone, batchOf(phone, [record]));
    relay([
      { id: record.id, type: 'eid', status: 'received', serverRef: 'TN-261127-000007', at: '2026-11-27T03:00:00.000Z' },
      { id: record.id, type: 'eid', status: 'approved', serverRef: 'TN-261127-000007', at: '2026-11-27T05:00:00.000Z' },
    ]);
    const again = await postBatch(url, phone, batchOf(phone, [record]));
    expect(((await again.json()) as BatchResponse).receipts[0]).toMatchObject({ status: 'duplicate', serverRef: 'TN-261127-000007' });

    const payload = samplePayload('eid', { ownPhone: '0987654321' });
    const changed = { ...record, rev: 2, payload, hash: await hashPayload(payload) };
    const refused = await postBatch(url, phone, batchOf(phone, [changed]));
    expect(((await refused.json()) as BatchResponse).receipts[0]).toMatchObject({ status: 'conflict', code: 'NOT_EDITABLE' });
  });

  it('relays a decision about a record the hub never held to the team (it may have come by a sealed file)', async () => {
    const elsewhere = (await wireRecord('dossier')).id;
    expect(relayDecisionsToWorkspaceHub(dir, [{ id: elsewhere, type: 'dossier', status: 'received', at: '2026-11-27T03:00:00.000Z' }])).toBe(1);
    expect((await updates()).updates.map((u) => u.id)).toEqual([elsewhere]);
  });

  it('does nothing for a workspace whose hub never ran', () => {
    const empty = mkdtempSync(join(tmpdir(), 'langso-hub-none-'));
    try {
      expect(relayDecisionsToWorkspaceHub(empty, [{ id: 'x', type: 'eid', status: 'approved', at: '2026-11-27T03:00:00.000Z' }])).toBe(0);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
