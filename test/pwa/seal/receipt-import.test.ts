import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { generateLeadKeys } from '../../../shared/seal/keys.ts';
import { signReceiptFile, type ReceiptFile } from '../../../shared/seal/receipts.ts';
import type { Receipt } from '../../../shared/sync/protocol.ts';
import { importReceiptFile } from '../../../pwa/seal/import-receipts.ts';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { DEVICE, enrolPhone, householdWithPhoto, TEAM_ID, type EnrolledPhone } from '../helpers/seal-setup.ts';

let db: LangsoDb;
afterEach(async () => {
  await db.delete();
});

const NOW = new Date('2026-03-06T10:00:00.000Z');

/** A phone with three queued records (one photo each) and the lead's receipts for them. */
async function phoneWithWork(): Promise<{ phone: EnrolledPhone; receipts: Receipt[]; ids: string[]; photos: string[] }> {
  db = freshDb();
  const phone = await enrolPhone(db);
  const made = [await householdWithPhoto(db, 1), await householdWithPhoto(db, 2), await householdWithPhoto(db, 3)];
  const ids = made.map((m) => m.record.id);
  const receipts: Receipt[] = [
    { id: ids[0] ?? '', rev: 1, status: 'accepted', serverRef: 'LEAD-0001' },
    { id: ids[1] ?? '', rev: 1, status: 'duplicate' },
    { id: ids[2] ?? '', rev: 1, status: 'rejected', code: 'RECORD_INVALID', message: 'payload.headName' },
  ];
  return { phone, receipts, ids, photos: made.map((m) => m.sha256) };
}

function fileOf(value: unknown): Blob {
  return new Blob([typeof value === 'string' ? value : JSON.stringify(value)], { type: 'application/json' });
}

/** Everything a receipt file may change, to prove a refused one changed nothing. */
async function snapshot(): Promise<unknown> {
  return {
    outbox: await db.outbox.toArray(),
    records: await db.records.toArray(),
    receipts: await db.receipts.toArray(),
    attachments: (await db.attachments.toArray()).map((row) => ({ sha256: row.sha256, atRest: row.atRest })),
    audit: await db.audit.count(),
  };
}

describe('importing the lead’s receipt file on the phone', () => {
  it('applies a valid file through the outbox: records leave it, the rejected one is held, sent photos are purged', async () => {
    const { phone, receipts, ids, photos } = await phoneWithWork();
    const file = await signReceiptFile(phone.lead, { teamId: TEAM_ID, deviceId: DEVICE.deviceId, issuedAt: NOW.toISOString(), receipts });

    expect(await importReceiptFile(db, DEVICE, fileOf(file), NOW)).toEqual({ ok: true, value: { cleared: 2, held: 1, known: 0 } });
    expect(await db.outbox.count()).toBe(1);
    expect(await db.outbox.get([ids[2] ?? '', 1])).toMatchObject({ quarantine: 1, reason: { code: 'RECORD_INVALID' } });
    expect(await db.records.get(ids[0] ?? '')).toMatchObject({ status: 'sent', serverRef: 'LEAD-0001' });
    expect(await db.records.get(ids[1] ?? '')).toMatchObject({ status: 'sent' });
    expect(await db.records.get(ids[2] ?? '')).toMatchObject({ status: 'quarantined' });
    expect((await db.attachments.bulkGet(photos)).map((row) => row?.atRest)).toEqual(['purged', 'purged', 'encrypted']);

    // The same file again: the two sent are known, the held one stays held; nothing moves.
    const after = await snapshot();
    expect(await importReceiptFile(db, DEVICE, fileOf(file), NOW)).toEqual({ ok: true, value: { cleared: 0, held: 1, known: 2 } });
    expect(((await snapshot()) as { outbox: unknown }).outbox).toEqual((after as { outbox: unknown }).outbox);
  });

  it('refuses forged, foreign and broken files, each with its code, and changes nothing', async () => {
    const { phone, receipts } = await phoneWithWork();
    const content = { teamId: TEAM_ID, deviceId: DEVICE.deviceId, issuedAt: NOW.toISOString(), receipts };
    const genuine = await signReceiptFile(phone.lead, content);
    const impostor = await generateLeadKeys();
    const cases: [string, Blob, string][] = [
      ['signed by someone else’s lead key', fileOf(await signReceiptFile(impostor, content)), 'SEAL_RECEIPT_SIGNATURE'],
      ['a rejection edited into an acceptance', fileOf({ ...genuine, receipts: receipts.map((r) => ({ ...r, status: 'accepted' })) } satisfies ReceiptFile), 'SEAL_RECEIPT_SIGNATURE'],
      ['for another phone of the team', fileOf(await signReceiptFile(phone.lead, { ...content, deviceId: 'another-phone' })), 'SEAL_RECEIPT_OTHER_DEVICE'],
      ['of another team', fileOf(await signReceiptFile(phone.lead, { ...content, teamId: 'team-elsewhere' })), 'SEAL_RECEIPT_OTHER_TEAM'],
      ['from a newer app', fileOf({ ...genuine, version: 2 }), 'SEAL_RECEIPT_VERSION_UNSUPPORTED'],
      ['not JSON at all', fileOf('\u0089LANGSO\n not a receipt'), 'SEAL_RECEIPT_INVALID'],
      ['cut short', fileOf(JSON.stringify(genuine).slice(0, 200)), 'SEAL_RECEIPT_INVALID'],
      ['some other JSON', fileOf({ receipts }), 'SEAL_RECEIPT_INVALID'],
    ];
    const before = await snapshot();
    for (const [what, file, code] of cases) {
      expect(await importReceiptFile(db, DEVICE, file, NOW), what).toMatchObject({ ok: false, code });
      expect(await snapshot(), what).toEqual(before);
    }
  });

  it('cannot check a file without the lead’s key, and says so', async () => {
    db = freshDb();
    const phone = await enrolPhone(db, { lead: false });
    const file = await signReceiptFile(phone.lead, { teamId: TEAM_ID, deviceId: DEVICE.deviceId, issuedAt: NOW.toISOString(), receipts: [] });
    expect(await importReceiptFile(db, DEVICE, fileOf(file), NOW)).toEqual({ ok: false, code: 'BATCH_NO_LEAD_KEYS', params: {} });
  });
});
