import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../cli/db/open-database.ts';
import { importResidentRows } from '../../../cli/intake/import-residents.ts';
import { LEAD_MIGRATIONS } from '../../../cli/workspace/migrations.ts';
import { runScriptedReview } from '../../../cli/review/review-scripted.ts';
import { createSqliteOutboxStore } from '../../../cli/workspace/sqlite-outbox-store.ts';
import { hashPayload } from '../../../shared/sync/canonical.ts';
import type { Update } from '../../../shared/sync/protocol.ts';
import { testIds } from '../../shared/sync/helpers/entries.ts';
import { describeOutboxStoreContract } from '../../shared/sync/outbox-store-contract.ts';

function freshDb(): { db: Database.Database; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'langso-outbox-'));
  const db = openDatabase(join(dir, 'langso.db'), { migrations: LEAD_MIGRATIONS });
  return {
    db,
    dispose: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeOutboxStoreContract('sqlite (the lead workspace)', async () => {
  const { db, dispose } = freshDb();
  return {
    store: createSqliteOutboxStore(db),
    addEntry: async (entry) => {
      db.prepare('INSERT INTO outbox (id, rev, type, record, bytes, queued_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        entry.id,
        entry.rev,
        entry.type,
        JSON.stringify(entry.record),
        entry.bytes,
        entry.queuedAt,
        entry.attempts,
      );
    },
    addAttachment: async (sha256, bytes) => {
      db.prepare('INSERT INTO attachments (sha256, mime, bytes) VALUES (?, ?, ?)').run(sha256, 'application/octet-stream', bytes);
    },
    latestUpdate: async (id) => {
      const row = db.prepare('SELECT record_id AS id, type, status, at FROM decisions WHERE record_id = ? ORDER BY seq DESC LIMIT 1').get(id);
      return row as Update | undefined;
    },
    close: async () => dispose(),
  };
});

describe('the SQLite outbox over approved records', () => {
  it('sends what the lead approved, and writes receipts and decisions back onto the records', async () => {
    const { db, dispose } = freshDb();
    try {
      const ids = testIds(3);
      const now = () => '2026-03-01T08:00:00.000Z';
      const row = (index: number, fullName: string, cccd: string) => ({
        index,
        input: { fullName, dateOfBirth: '1985-03-12', sex: 'nam', cccd, communeCode: '32002', hamlet: 'Ấp 1' },
      });
      importResidentRows(db, [row(0, 'Nguyễn Văn An', '096085123456'), row(1, 'Lê Văn Bảy', '096085654321')], {
        file: { name: 'a.csv', kind: 'csv' },
        source: 'a.csv',
        deviceId: 'lead',
        today: '2026-03-01',
        now,
        ids,
      });
      const { approved } = runScriptedReview(db, { approveAllValid: true, approve: [] }, now);
      expect(approved).toHaveLength(2);
      const store = createSqliteOutboxStore(db);
      const chunk = await store.peek({ maxRecords: 10, maxBytes: 1_000_000 });
      expect(chunk.map((e) => e.id)).toEqual(approved);
      // The hash queued is the shared canonical hash of the payload the province will check.
      expect(chunk[0]?.record.hash).toBe(await hashPayload(chunk[0]?.record.payload));
      const [a, b] = approved as [string, string];
      await store.applyReceipts(
        [
          { id: a, rev: 1, status: 'accepted', serverRef: 'TN-1' },
          { id: b, rev: 1, status: 'rejected', code: 'CONSENT_MISSING' },
        ],
        '2026-03-01T09:00:00.000Z',
      );
      await store.applyUpdates([{ id: a, type: 'resident', status: 'received', at: '2026-03-02T09:00:00.000Z' }], 'c1');
      const states = db.prepare('SELECT id, sync_state, server_ref, province_status FROM records ORDER BY id').all();
      expect(states).toEqual([
        { id: a, sync_state: 'sent', server_ref: 'TN-1', province_status: 'received' },
        { id: b, sync_state: 'quarantined', server_ref: null, province_status: null },
      ]);
    } finally {
      dispose();
    }
  });
});
