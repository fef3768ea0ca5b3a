import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../cli/db/open-database.ts';
import { bytesSha256, canonicalSha256 } from '../../../cli/hashing/sha256.ts';
import { importWireRecords, type WireBatch } from '../../../cli/intake/import-wire-records.ts';
import { LEAD_MIGRATIONS } from '../../../cli/workspace/migrations.ts';
import type { WireRecord } from '../../../shared/sync/protocol.ts';
import { testIds } from '../../shared/sync/helpers/entries.ts';

const dir = mkdtempSync(join(tmpdir(), 'langso-wire-'));
const db = openDatabase(join(dir, 'langso.db'), { migrations: LEAD_MIGRATIONS });
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = testIds(21);
const options = { today: '2026-03-02', now: () => '2026-03-02T00:00:00.000Z', ids };
const T = '2026-03-01T08:00:00.000Z';
const residentId = ids.next();

function resident(rev: number, hamlet: string): WireRecord {
  const payload = { fullName: 'Võ Văn Giàu', dateOfBirth: '1970-10-10', sex: 'male', cccd: '096070222333', address: { provinceCode: '96', communeCode: '32002', hamlet } };
  return { id: residentId, type: 'resident', rev, hash: canonicalSha256(payload), payload, attachments: [], consent: null, createdAt: T, updatedAt: T, training: false };
}

const batch = (records: WireRecord[], attachments: WireBatch['attachments'] = []): WireBatch => ({
  deviceId: 'device-9',
  file: { name: 'a.langso', sha256: 'e'.repeat(64) },
  records,
  attachments,
});

describe('importing a phone’s records (the sealed-file path)', () => {
  it('stores a record once: the same (id, rev) again changes nothing, a higher rev goes back to review', () => {
    expect(importWireRecords(db, batch([resident(1, 'Ấp 1')]), options)).toMatchObject({ new: 1, unchanged: 0 });
    expect(importWireRecords(db, batch([resident(1, 'Ấp 1')]), options)).toMatchObject({ new: 0, changed: 0, unchanged: 1, importId: null });
    db.prepare("UPDATE records SET review_state = 'approved' WHERE id = ?").run(residentId);
    expect(importWireRecords(db, batch([resident(2, 'Ấp 2')]), options)).toMatchObject({ changed: 1 });
    expect(db.prepare('SELECT rev, hamlet, review_state, source FROM records WHERE id = ?').get(residentId)).toEqual({
      rev: 2,
      hamlet: 'Ấp 2',
      review_state: 'pending',
      source: 'sealed:device-9',
    });
    expect(importWireRecords(db, batch([resident(1, 'Ấp 1')]), options)).toMatchObject({ unchanged: 1 });
  });

  it('refuses a record whose content does not match its hash, and one rewritten under the same rev', () => {
    const tampered = { ...resident(3, 'Ấp 3'), hash: 'a'.repeat(64) };
    const rewritten = { ...resident(2, 'Ấp 9') };
    const result = importWireRecords(db, batch([tampered, rewritten]), options);
    expect(result.problems.map((p) => p.code)).toEqual(['LEAD_RECORD_HASH_MISMATCH', 'LEAD_RECORD_REV_CONFLICT']);
    expect(result).toMatchObject({ new: 0, changed: 0 });
    expect(db.prepare('SELECT rev, hamlet FROM records WHERE id = ?').get(residentId)).toEqual({ rev: 2, hamlet: 'Ấp 2' });
  });

  it('keeps attachments whose bytes match their hash, and names the others', () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const good = { sha256: bytesSha256(bytes), bytes };
    const bad = { sha256: 'b'.repeat(64), bytes };
    const result = importWireRecords(db, batch([], [good, bad]), options);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'LEAD_ATTACHMENT_HASH_MISMATCH', params: { sha256: 'b'.repeat(64) } })]);
    expect(db.prepare('SELECT mime, length(bytes) AS n FROM attachments WHERE sha256 = ?').get(good.sha256)).toEqual({ mime: 'image/jpeg', n: 6 });
  });
});
