import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { RecordEnvelope } from '../../../shared/domain/records.ts';
import { hashPayload } from '../../../shared/sync/canonical.ts';
import { toOutboxEntry } from '../../../shared/sync/outbox-entry.ts';
import { WireRecordSchema } from '../../../shared/sync/protocol.ts';
import { attachmentsOf, toWireRecord } from '../../../shared/sync/wire-record.ts';

const SIG = '1'.repeat(64);
const DOC_A = 'a'.repeat(64);
const DOC_B = 'b'.repeat(64);

const dossier: RecordEnvelope = {
  id: '0195e3a0-1234-7000-8000-000000000001',
  type: 'dossier',
  rev: 3,
  createdAt: '2026-03-01T08:00:00.000+07:00',
  updatedAt: '2026-03-01T09:00:00.000+07:00',
  clockOffsetMs: -1500,
  deviceId: 'device-1',
  training: false,
  consent: {
    textVersion: 'vi-2026-01',
    purposes: ['dossier_filing'],
    dataCategories: ['identity', 'id_card_photo'],
    processor: 'Trung tâm Phục vụ hành chính công tỉnh Cà Mau',
    rightsShown: true,
    givenAt: '2026-03-01T08:10:00.000+07:00',
    method: 'signature',
    signatureSha256: SIG,
    subjectName: 'Người Thử Nghiệm',
    volunteerId: 'vol-1',
  },
  payload: {
    procedureCode: '1.001193',
    applicantResidentId: '0195e3a0-1234-7000-8000-000000000002',
    formValues: { hoTen: 'Bé Thử Nghiệm' },
    documents: [
      { key: 'giayChungSinh', sha256: DOC_B, mime: 'image/jpeg', bytes: 120_000 },
      { key: 'cccdMe', sha256: DOC_A, mime: 'image/jpeg', bytes: 90_000 },
      { key: 'cccdMeMatSau', sha256: DOC_A, mime: 'image/jpeg', bytes: 90_000 },
    ],
    authMethod: 'sms_otp',
    status: 'queued',
  },
};

describe('wire records', () => {
  it('builds the exact wire form: hash of the canonical payload, envelope fields, clock offset', async () => {
    const record = await toWireRecord(dossier);
    expect(v.is(WireRecordSchema, record)).toBe(true);
    expect(record).toMatchObject({ id: dossier.id, type: 'dossier', rev: 3, clockOffsetMs: -1500, training: false });
    expect(record.hash).toBe(await hashPayload(dossier.payload));
  });

  it('lists every attachment the server needs first, sorted and once each, signature included', () => {
    expect(attachmentsOf(dossier)).toEqual([SIG, DOC_A, DOC_B]);
  });

  it('lists the portrait of an e-ID application', () => {
    const eid: RecordEnvelope = {
      ...dossier,
      type: 'eid',
      consent: null,
      payload: { residentId: dossier.id, level: 2, ownPhone: '0912345678', chipCardInHand: true, portraitSha256: DOC_B, status: 'ready' },
    };
    expect(attachmentsOf(eid)).toEqual([DOC_B]);
  });

  it('omits clockOffsetMs when the record has none', async () => {
    const { clockOffsetMs: _offset, ...withoutOffset } = dossier;
    expect('clockOffsetMs' in (await toWireRecord(withoutOffset))).toBe(false);
  });

  it('sizes an outbox entry by the UTF-8 bytes of its JSON', async () => {
    const record = await toWireRecord(dossier);
    const entry = toOutboxEntry(record, '2026-03-01T01:00:00.000Z');
    expect(entry.bytes).toBe(new TextEncoder().encode(JSON.stringify(record)).byteLength);
    expect(entry.bytes).toBeGreaterThan(JSON.stringify(record).length); // Vietnamese diacritics take 2–3 bytes
    expect(entry).toMatchObject({ id: dossier.id, rev: 3, type: 'dossier', attempts: 0 });
  });
});
