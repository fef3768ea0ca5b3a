import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { sha256Hex } from '../../../shared/sync/canonical.ts';
import { BatchResponseSchema, type Receipt, type WireRecord } from '../../../shared/sync/protocol.ts';
import {
  batchOf,
  consent,
  postBatch,
  putAttachment,
  samplePayload,
  startTestServer,
  wireRecord,
  type Device,
  type TestServer,
} from './harness.ts';

let server: TestServer;
let device: Device;
beforeAll(async () => {
  server = await startTestServer();
  device = await server.enrol();
});
afterAll(async () => {
  await server.dispose();
});

async function send(records: readonly WireRecord[], to: TestServer = server, from: Device = device): Promise<Receipt[]> {
  const res = await postBatch(to.url, from, batchOf(from, records));
  expect(res.status).toBe(200);
  return v.parse(BatchResponseSchema, await res.json()).receipts;
}

async function sendOne(record: WireRecord): Promise<Receipt> {
  const [receipt] = await send([record]);
  if (!receipt) throw new Error('no receipt');
  return receipt;
}

function storedCount(id: string): number {
  return server.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM records WHERE id = ?').get(id)?.n ?? 0;
}

describe('POST /v1/batches receipts', () => {
  it('accepts each type with a receipt number, and dossiers with a dossier code in the portal style', async () => {
    const receipts = await send([
      await wireRecord('household'),
      await wireRecord('resident'),
      await wireRecord('eid'),
      await wireRecord('dossier'),
    ]);
    expect(receipts.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    // 2026-11-27T02:00Z is 27/11/2026 in Vietnam.
    expect(receipts[0]?.serverRef).toMatch(/^TN-261127-\d{6}$/);
    expect(receipts[3]?.serverRef).toMatch(/^000\.00\.00\.H12-261127-\d{4}$/);
  });

  it('answers a resend of the same id, rev and hash as duplicate with the same serverRef, storing it once', async () => {
    const record = await wireRecord('dossier');
    const first = await sendOne(record);
    const again = await sendOne(record);
    expect(again).toMatchObject({ status: 'duplicate', serverRef: first.serverRef });
    expect(storedCount(record.id)).toBe(1);
  });

  it('answers the same rev with other content as conflict REV_CONFLICT', async () => {
    const record = await wireRecord('resident');
    await sendOne(record);
    const payload = samplePayload('resident', { fullName: 'Trần Thị Mây' });
    const changed = await wireRecord('resident', { id: record.id, payload });
    expect(await sendOne(changed)).toMatchObject({ status: 'conflict', code: 'REV_CONFLICT' });
  });

  it('answers a lower rev than the stored one as conflict REV_CONFLICT', async () => {
    const record = await wireRecord('household', { rev: 3 });
    await sendOne(record);
    const older = await wireRecord('household', { id: record.id, rev: 2, payload: samplePayload('household', { note: 'cũ' }) });
    expect(await sendOne(older)).toMatchObject({ status: 'conflict', code: 'REV_CONFLICT' });
  });

  it('accepts a higher rev while the province status is still received, keeping the serverRef', async () => {
    const record = await wireRecord('eid');
    const first = await sendOne(record);
    const payload = samplePayload('eid', { ownPhone: '0987654321' });
    const second = await sendOne(await wireRecord('eid', { id: record.id, rev: 2, payload }));
    expect(second).toMatchObject({ status: 'accepted', serverRef: first.serverRef });
    const row = server.db.prepare<[string], { rev: number }>('SELECT rev FROM records WHERE id = ?').get(record.id);
    expect(row?.rev).toBe(2);
  });

  it('answers a higher rev of a record the province has decided as conflict NOT_EDITABLE', async () => {
    const record = await wireRecord('dossier');
    await sendOne(record);
    server.db.prepare("UPDATE records SET status = 'approved', due_at = NULL WHERE id = ?").run(record.id);
    const next = await wireRecord('dossier', { id: record.id, rev: 2, payload: samplePayload('dossier', { formValues: { a: 1 } }) });
    expect(await sendOne(next)).toMatchObject({ status: 'conflict', code: 'NOT_EDITABLE' });
  });

  it('rejects a payload failing its domain schema with RECORD_INVALID naming the field, never echoing the value', async () => {
    const payload = samplePayload('resident', { cccd: '09619001234' });
    const receipt = await sendOne(await wireRecord('resident', { payload }));
    expect(receipt).toMatchObject({ status: 'rejected', code: 'RECORD_INVALID' });
    expect(receipt.message).toContain('payload.cccd');
    expect(receipt.message).not.toContain('09619001234');
  });

  it('rejects a hash that is not the hash of the payload with HASH_MISMATCH', async () => {
    const record = await wireRecord('household');
    const receipt = await sendOne({ ...record, hash: 'a'.repeat(64) });
    expect(receipt).toMatchObject({ status: 'rejected', code: 'HASH_MISMATCH' });
    expect(storedCount(record.id)).toBe(0);
  });

  it('rejects a record without consent, or with rights not shown, with CONSENT_MISSING', async () => {
    for (const type of ['household', 'resident', 'eid', 'dossier'] as const) {
      expect(await sendOne(await wireRecord(type, { consent: null }))).toMatchObject({ status: 'rejected', code: 'CONSENT_MISSING' });
    }
    const notTold = await wireRecord('resident', { consent: consent({ rightsShown: false }) });
    expect(await sendOne(notTold)).toMatchObject({ status: 'rejected', code: 'CONSENT_MISSING' });
  });

  it('rejects training records with TRAINING_RECORD by default', async () => {
    const record = await wireRecord('resident', { training: true });
    expect(await sendOne(record)).toMatchObject({ status: 'rejected', code: 'TRAINING_RECORD' });
    expect(storedCount(record.id)).toBe(0);
  });

  it('accepts training records when run with --training', async () => {
    const training = await startTestServer({ policy: { acceptTraining: true } });
    try {
      const trainee = await training.enrol();
      const [receipt] = await send([await wireRecord('resident', { training: true })], training, trainee);
      expect(receipt?.status).toBe('accepted');
    } finally {
      await training.dispose();
    }
  });

  it('never accepts while an attachment is missing: lists it, stores nothing, accepts once uploaded', async () => {
    const photo = new TextEncoder().encode('synthetic JPEG bytes of a birth certificate');
    const sha256 = await sha256Hex(photo);
    const payload = samplePayload('dossier', {
      documents: [{ key: 'giayChungSinh', sha256, mime: 'image/jpeg', bytes: photo.length }],
    });
    const record = await wireRecord('dossier', { payload, attachments: [sha256] });

    const first = await sendOne(record);
    expect(first).toMatchObject({ status: 'rejected', code: 'ATTACHMENT_MISSING', missing: [sha256] });
    expect(first.serverRef).toBeUndefined();
    expect(storedCount(record.id)).toBe(0);

    expect((await putAttachment(server.url, device, photo)).status).toBe(201);
    expect((await sendOne(record)).status).toBe('accepted');
  });

  it('requires attachments the payload points at even when the list leaves them out', async () => {
    const portrait = 'b'.repeat(64);
    const signature = 'c'.repeat(64);
    const record = await wireRecord('eid', {
      payload: samplePayload('eid', { portraitSha256: portrait }),
      consent: consent({ method: 'signature', signatureSha256: signature }),
    });
    const receipt = await sendOne(record);
    expect(receipt.code).toBe('ATTACHMENT_MISSING');
    expect([...(receipt.missing ?? [])].sort()).toEqual([portrait, signature]);
  });

  it('keeps the rest of a batch moving past a poison record in the middle', async () => {
    const good1 = await wireRecord('resident');
    const poison = await wireRecord('resident', { payload: samplePayload('resident', { sex: 'x' }) });
    const good2 = await wireRecord('household');
    const receipts = await send([good1, poison, good2]);
    expect(receipts.map((r) => [r.id, r.status])).toEqual([
      [good1.id, 'accepted'],
      [poison.id, 'rejected'],
      [good2.id, 'accepted'],
    ]);
  });

  it('answers the same record twice in one batch as accepted, then duplicate', async () => {
    const record = await wireRecord('household');
    expect((await send([record, record])).map((r) => r.status)).toEqual(['accepted', 'duplicate']);
  });

  it('writes nothing of a batch that fails midway, answers 500 INTERNAL, and lets the same key run again', async () => {
    const resident = await wireRecord('resident');
    const household = await wireRecord('household');
    const batch = batchOf(device, [resident, household]);
    server.db.exec(`CREATE TRIGGER fail_households BEFORE INSERT ON records WHEN NEW.type = 'household'
      BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    try {
      const failed = await postBatch(server.url, device, batch);
      expect(failed.status).toBe(500);
      expect(await failed.json()).toMatchObject({ code: 'INTERNAL' });
      expect(storedCount(resident.id)).toBe(0);
    } finally {
      server.db.exec('DROP TRIGGER fail_households');
    }
    const retried = await postBatch(server.url, device, batch);
    expect(((await retried.json()) as { receipts: Receipt[] }).receipts.map((r) => r.status)).toEqual(['accepted', 'accepted']);
  });

  it('numbers dossier codes per day in order, the same for the same requests', async () => {
    const fresh = await startTestServer();
    try {
      const d = await fresh.enrol();
      const receipts = await send([await wireRecord('dossier'), await wireRecord('dossier'), await wireRecord('eid')], fresh, d);
      expect(receipts.map((r) => r.serverRef)).toEqual([
        '000.00.00.H12-261127-0001',
        '000.00.00.H12-261127-0002',
        'TN-261127-000001',
      ]);
    } finally {
      await fresh.dispose();
    }
  });
});
