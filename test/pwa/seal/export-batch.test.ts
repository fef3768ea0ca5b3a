import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bytes } from '../../../shared/seal/bytes.ts';
import { unseal } from '../../../shared/seal/unseal.ts';
import type { WireRecord } from '../../../shared/sync/protocol.ts';
import { batchFileName, exportBatchFile } from '../../../pwa/seal/export-batch.ts';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { DexieOutboxStore } from '../../../pwa/store/dexie-outbox-store.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { DEVICE, enrolPhone, fakeJpeg, householdWithPhoto, TEAM_ID } from '../helpers/seal-setup.ts';

let db: LangsoDb;
afterEach(async () => {
  await db.delete();
});

const NOW = new Date('2026-03-05T08:30:00.000Z');

async function* chunksOf(blob: Blob): AsyncGenerator<Uint8Array> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  // Odd-sized pieces, as a file read from disk would come.
  for (let at = 0; at < bytes.length; at += 7777) yield bytes.subarray(at, at + 7777);
}

describe('exporting the outbox as a sealed batch file', () => {
  it('seals every unsent record with its photos for the lead, signed by this phone, and leaves the outbox as it was', async () => {
    db = freshDb();
    const phone = await enrolPhone(db);
    const first = await householdWithPhoto(db, 1);
    const second = await householdWithPhoto(db, 2);
    const refused = await householdWithPhoto(db, 3);
    const store = new DexieOutboxStore(db);
    await store.applyReceipts([{ id: refused.record.id, rev: 1, status: 'rejected', code: 'RECORD_INVALID' }], NOW.toISOString());
    const before = await db.outbox.toArray();

    const outcome = await exportBatchFile(db, DEVICE, NOW);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(outcome.value).toMatchObject({ records: 2, attachments: 2, fileName: 'lo-ho-so-20260305-1530-00abcd.langso' });

    // The laptop's side: the lead's private key, this phone as enrolled.
    const records: WireRecord[] = [];
    const photos = new Map<string, Bytes>();
    const opened = await unseal({
      source: () => chunksOf(outcome.value.blob),
      lead: phone.lead,
      teamId: TEAM_ID,
      devices: [{ deviceId: DEVICE.deviceId, keyId: phone.device.keyId }],
      sink: { record: (r) => void records.push(r), attachment: (sha, bytes) => void photos.set(sha, bytes) },
    });
    if (!opened.ok) throw new Error(opened.code);
    expect(opened.value.summary.fileId).toBe(outcome.value.fileId);
    // Exactly the outbox's wire records (the quarantined one left out), and the plaintext photos.
    const pending = before.filter((row) => row.quarantine === 0).map((row) => row.record);
    expect(records).toEqual(pending);
    expect(records.map((r) => r.id).sort()).toEqual([first.record.id, second.record.id].sort());
    expect(photos.get(first.sha256)).toEqual(fakeJpeg(1));
    expect(photos.get(second.sha256)).toEqual(fakeJpeg(2));

    // Nothing left the outbox: records wait for their receipts.
    expect(await db.outbox.toArray()).toEqual(before);
    expect((await store.counts()).pending).toBe(2);
    expect(await db.settings.get('seal:lastExport')).toEqual({ key: 'seal:lastExport', value: { fileId: outcome.value.fileId, at: NOW.toISOString(), records: 2 } });
  });

  it('opens only with the lead’s key: another lead’s key is told apart before anything is read', async () => {
    db = freshDb();
    await enrolPhone(db);
    await householdWithPhoto(db, 4);
    const outcome = await exportBatchFile(db, DEVICE, NOW);
    if (!outcome.ok) throw new Error('export failed');
    const stranger = await enrolPhone(freshDb());
    const opened = await unseal({
      source: () => chunksOf(outcome.value.blob),
      lead: stranger.lead,
      teamId: TEAM_ID,
      devices: [],
      sink: { record: () => undefined, attachment: () => undefined },
    });
    expect(opened).toMatchObject({ ok: false, code: 'SEAL_WRONG_KEY' });
  });

  it('says why it cannot seal: no team, no lead key, no key of its own', async () => {
    db = freshDb();
    await enrolPhone(db, { lead: false });
    await householdWithPhoto(db, 5);
    const { teamId: _team, ...noTeam } = DEVICE;
    expect(await exportBatchFile(db, noTeam, NOW)).toEqual({ ok: false, code: 'BATCH_NO_TEAM', params: {} });
    expect(await exportBatchFile(db, DEVICE, NOW)).toEqual({ ok: false, code: 'BATCH_NO_LEAD_KEYS', params: {} });
    await db.delete();

    db = freshDb();
    await enrolPhone(db, { deviceKey: false });
    expect(await exportBatchFile(db, DEVICE, NOW)).toEqual({ ok: false, code: 'BATCH_NO_DEVICE_KEY', params: {} });
  });

  it('refuses an empty outbox with its code', async () => {
    db = freshDb();
    await enrolPhone(db);
    expect(await exportBatchFile(db, DEVICE, NOW)).toMatchObject({ ok: false, code: 'SEAL_INPUT_EMPTY' });
    expect(await db.settings.get('seal:lastExport')).toBeUndefined();
  });
});

describe('batch file names', () => {
  it('carry the Vietnam date and time and the end of the device id, in plain letters', () => {
    expect(batchFileName('training-4f1c2a9e-77aa', new Date('2026-12-31T20:05:00.000Z'))).toBe('lo-ho-so-20270101-0305-9e77aa.langso');
    expect(batchFileName('', new Date('2026-01-01T00:00:00.000Z'))).toBe('lo-ho-so-20260101-0700.langso');
  });
});
