import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHubDatabase } from '../../../cli/workspace/hub-database.ts';
import type { RunningHub } from '../../../cli/hub/start-hub.ts';
import { ingestHubRecords, type HubIngestResult } from '../../../cli/intake/ingest-hub-records.ts';
import { createReviewActions } from '../../../cli/review/review-actions.ts';
import { RECORD_COLUMNS, type RecordRow } from '../../../cli/workspace/record-row.ts';
import { hashPayload, sha256Hex } from '../../../shared/sync/canonical.ts';
import type { BatchResponse, WireRecord } from '../../../shared/sync/protocol.ts';
import { importWireRecords } from '../../../cli/intake/import-wire-records.ts';
import { testIds } from '../../shared/sync/helpers/entries.ts';
import { batchOf, postBatch, putAttachment, samplePayload, wireRecord, type Device } from '../protocol-server/harness.ts';
import { enrolPhone, eventually, initTestWorkspace, leadRows, startTestHub } from './hub-fixture.ts';

let dir: string;
let hub: RunningHub | undefined;
let ingests: HubIngestResult[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'langso-hub-ingest-'));
  await initTestWorkspace(dir);
  ingests = [];
});

afterEach(async () => {
  await hub?.close();
  hub = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: { acceptTraining?: boolean } = {}): Promise<{ url: string; phone: Device }> {
  hub = await startTestHub(dir, { acceptTraining: options.acceptTraining ?? false, onIngest: (result) => ingests.push(result) });
  const url = hub.urls[0] ?? '';
  const code = hub.codes[0] ?? '';
  return { url, phone: await enrolPhone(url, code) };
}

function leadColumn(id: string, column: 'phone' | 'clock_offset_ms'): unknown {
  const db = new Database(join(dir, 'langso.db'), { readonly: true });
  try {
    return db.prepare(`SELECT ${column} FROM records WHERE id = ?`).pluck().get(id);
  } finally {
    db.close();
  }
}

async function send(url: string, phone: Device, records: Parameters<typeof batchOf>[1]): Promise<BatchResponse> {
  const res = await postBatch(url, phone, batchOf(phone, records));
  expect(res.status).toBe(200);
  return (await res.json()) as BatchResponse;
}

describe('the hub hands what it accepts to the lead (ingestHubRecords)', () => {
  it('puts every accepted record in the review queue once, with its place, its attachment and no province reference', async () => {
    const { url, phone } = await start();
    const resident = await wireRecord('resident');
    const eid = await wireRecord('eid', { payload: samplePayload('eid', { residentId: resident.id }) });
    const photo = new TextEncoder().encode('%PDF-1.4 giấy khai sinh');
    const sha256 = await sha256Hex(photo);
    expect((await putAttachment(url, phone, photo)).status).toBe(201);
    const documents = [{ key: 'giayChungSinh', sha256, mime: 'application/pdf', bytes: photo.length }];
    const dossier = await wireRecord('dossier', {
      payload: samplePayload('dossier', { applicantResidentId: resident.id, documents }),
      attachments: [sha256],
    });

    const answer = await send(url, phone, [resident, eid, dossier]);
    expect(answer.receipts.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    // The laptop is not the province: no dossier code, no receipt number.
    expect(answer.receipts.every((r) => r.serverRef === undefined)).toBe(true);

    await eventually(() => leadRows(dir).length === 3, 'three records in the lead queue');
    const rows = leadRows(dir);
    expect(rows.every((row) => row.review_state === 'pending' && row.sync_state === 'local' && row.valid === 1)).toBe(true);
    expect(rows.every((row) => row.source === 'hub:Điện thoại chị Lan')).toBe(true);
    const byType = new Map(rows.map((row) => [row.type, row]));
    expect(byType.get('resident')).toMatchObject({ id: resident.id, full_name: 'Trần Thị Mai', cccd: '096190012345', hamlet: 'Khóm 3' });
    expect(byType.get('eid')).toMatchObject({ id: eid.id, eid_level: 2, hamlet: 'Khóm 3', full_name: 'Trần Thị Mai' });
    expect(byType.get('dossier')).toMatchObject({ id: dossier.id, procedure_code: '1.001193', hamlet: 'Khóm 3' });

    const lead = new Database(join(dir, 'langso.db'), { readonly: true });
    try {
      expect(lead.prepare('SELECT mime, length(bytes) AS size FROM attachments WHERE sha256 = ?').get(sha256)).toEqual({
        mime: 'application/pdf',
        size: photo.length,
      });
    } finally {
      lead.close();
    }
    expect(ingests.reduce((sum, r) => sum + r.new, 0)).toBe(3);
  });

  it('changes nothing on a replayed batch, a resend in a new batch, or a second run', async () => {
    const { url, phone } = await start();
    const records = [await wireRecord('resident'), await wireRecord('household')];
    const batch = batchOf(phone, records);
    const first = await postBatch(url, phone, batch);
    const firstText = await first.text();
    await eventually(() => leadRows(dir).length === 2, 'two records in the lead queue');
    const before = leadRows(dir);

    const replay = await postBatch(url, phone, batch);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(firstText);
    const resend = await send(url, phone, records);
    expect(resend.receipts.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);

    const hubDb = openHubDatabase(dir, true);
    const leadDb = new Database(join(dir, 'langso.db'));
    try {
      expect(ingestHubRecords(hubDb, leadDb, { today: '2026-11-27' })).toEqual({ new: 0, changed: 0, unchanged: 0, unreadable: 0, conflicts: 0 });
    } finally {
      hubDb.close();
      leadDb.close();
    }
    expect(leadRows(dir)).toEqual(before);
  });

  it('catches up at start with what a crash left in hub.db only, and a second run after that changes nothing', async () => {
    const { url, phone } = await start();
    const records = [await wireRecord('resident'), await wireRecord('resident', { payload: samplePayload('resident', { cccd: '096085012345', dateOfBirth: '1985-02-03', sex: 'male', fullName: 'Lê Văn Tám' }) })];
    await send(url, phone, records);
    await eventually(() => leadRows(dir).length === 2, 'two records in the lead queue');
    await hub?.close();
    hub = undefined;

    // The crash: hub.db committed the batch, the lead's transaction never happened.
    const leadDb = new Database(join(dir, 'langso.db'));
    leadDb.exec(`DELETE FROM records; DELETE FROM config WHERE key = 'hub.ingest';`);
    leadDb.close();
    expect(leadRows(dir)).toEqual([]);

    await start();
    expect(leadRows(dir).map((row) => row.id).sort()).toEqual(records.map((r) => r.id).sort());
    expect(ingests.at(-1)).toEqual({ new: 2, changed: 0, unchanged: 0, unreadable: 0, conflicts: 0 });

    const hubDb = openHubDatabase(dir, true);
    const again = new Database(join(dir, 'langso.db'));
    try {
      again.exec(`DELETE FROM config WHERE key = 'hub.ingest';`);
      // From the start of the journal: every revision is one the lead already has.
      expect(ingestHubRecords(hubDb, again, { today: '2026-11-27' })).toEqual({ new: 0, changed: 0, unchanged: 2, unreadable: 0, conflicts: 0 });
    } finally {
      hubDb.close();
      again.close();
    }
  });

  it('sends a fixed record (higher rev) back to review and takes its approved older rev out of the outbox', async () => {
    const { url, phone } = await start();
    const first = await wireRecord('resident');
    await send(url, phone, [first]);
    await eventually(() => leadRows(dir).length === 1, 'the record in the lead queue');

    const leadDb = new Database(join(dir, 'langso.db'));
    try {
      const row = leadDb.prepare(`SELECT ${RECORD_COLUMNS} FROM records WHERE id = ?`).get(first.id) as RecordRow;
      expect(createReviewActions(leadDb, () => '2026-11-27T03:00:00.000Z').approve(row)).toMatchObject({ done: true });
      expect(leadDb.prepare('SELECT count(*) FROM outbox WHERE id = ?').pluck().get(first.id)).toBe(1);
    } finally {
      leadDb.close();
    }

    const payload = samplePayload('resident', { phone: '0987654321' });
    const fixed = { ...first, rev: 2, payload, hash: await hashPayload(payload), updatedAt: '2026-11-21T03:00:00.000Z' };
    expect((await send(url, phone, [fixed])).receipts[0]?.status).toBe('accepted');
    await eventually(() => leadRows(dir)[0]?.rev === 2, 'the fix in the lead queue');
    expect(leadRows(dir)[0]).toMatchObject({ rev: 2, review_state: 'pending', sync_state: 'local' });
    const check = new Database(join(dir, 'langso.db'), { readonly: true });
    try {
      expect(check.prepare('SELECT count(*) FROM outbox WHERE id = ?').pluck().get(first.id)).toBe(0);
    } finally {
      check.close();
    }
  });

  it('keeps a resident whose CCCD disagrees with its birth year for review as invalid, naming the field', async () => {
    const { url, phone } = await start();
    // Digits 5–6 say born in '90; the record says 1985.
    const record = await wireRecord('resident', { payload: samplePayload('resident', { dateOfBirth: '1985-05-01' }) });
    expect((await send(url, phone, [record])).receipts[0]?.status).toBe('accepted');
    await eventually(() => leadRows(dir).length === 1, 'the record in the lead queue');
    const [row] = leadRows(dir);
    expect(row).toMatchObject({ valid: 0, review_state: 'pending' });
    expect(JSON.parse(row?.issues ?? '[]')).toEqual([expect.objectContaining({ field: 'cccd' })]);
  });

  it('refuses training records like the province unless started for training', async () => {
    const refusing = await start();
    const training = await wireRecord('resident', { training: true });
    const refused = await send(refusing.url, refusing.phone, [training]);
    expect(refused.receipts[0]).toMatchObject({ status: 'rejected', code: 'TRAINING_RECORD' });
    await hub?.close();

    const accepting = await start({ acceptTraining: true });
    const taken = await send(accepting.url, accepting.phone, [training]);
    expect(taken.receipts[0]?.status).toBe('accepted');
    await eventually(() => leadRows(dir).length === 1, 'the training record in the lead queue');
    expect(leadRows(dir)[0]?.training).toBe(1);
  });

  it('refuses a revision the lead already holds with other content (it came first in a sealed file), as the sealed path does', async () => {
    const { url, phone } = await start();
    const inFile = await wireRecord('resident');
    const leadDb = new Database(join(dir, 'langso.db'));
    try {
      const fromFile = importWireRecords(
        leadDb,
        { deviceId: phone.deviceId, file: { name: 'lan.langso', sha256: 'f'.repeat(64) }, records: [inFile], attachments: [] },
        { today: '2026-11-27', now: () => '2026-11-27T03:00:00.000Z', ids: testIds(5) },
      );
      expect(fromFile).toMatchObject({ new: 1 });
    } finally {
      leadDb.close();
    }
    // The same id and rev, other content: the hub never saw the file, so it accepts it.
    const payload = samplePayload('resident', { phone: '0987654321' });
    const other = { ...inFile, payload, hash: await hashPayload(payload) };
    expect((await send(url, phone, [other])).receipts[0]?.status).toBe('accepted');

    await eventually(() => ingests.some((result) => result.conflicts === 1), 'the conflict reported');
    expect(leadRows(dir)).toHaveLength(1);
    expect(leadColumn(inFile.id, 'phone')).toBe('0912345678');
    expect(leadRows(dir)[0]).toMatchObject({ id: inFile.id, rev: 1, source: `sealed:${phone.deviceId}` });
  });

  it("keeps the phone's clock offset with the record, and sends it on when the lead approves it", async () => {
    const { url, phone } = await start();
    const record = await wireRecord('resident', { clockOffsetMs: -95_000 });
    expect((await send(url, phone, [record])).receipts[0]?.status).toBe('accepted');
    await eventually(() => leadRows(dir).length === 1, 'the record in the lead queue');
    expect(leadColumn(record.id, 'clock_offset_ms')).toBe(-95_000);

    const leadDb = new Database(join(dir, 'langso.db'));
    try {
      const row = leadDb.prepare(`SELECT ${RECORD_COLUMNS} FROM records WHERE id = ?`).get(record.id) as RecordRow;
      expect(createReviewActions(leadDb, () => '2026-11-27T03:00:00.000Z').approve(row)).toMatchObject({ done: true });
      const queued = JSON.parse(leadDb.prepare('SELECT record FROM outbox WHERE id = ?').pluck().get(record.id) as string) as WireRecord;
      expect(queued).toMatchObject({ id: record.id, rev: 1, hash: record.hash, clockOffsetMs: -95_000 });
    } finally {
      leadDb.close();
    }
  });
});
