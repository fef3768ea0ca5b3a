import type Database from 'better-sqlite3';
import type { LifecycleStatus } from '../../shared/domain/lifecycle.ts';
import type { RecordType } from '../../shared/domain/records.ts';

export interface StoredRecord {
  readonly id: string;
  readonly teamId: string;
  readonly type: RecordType;
  readonly rev: number;
  readonly hash: string;
  readonly status: LifecycleStatus;
  /** The province's reference; null on a hub until the province's own is relayed to it. */
  readonly serverRef: string | null;
}

/** A record revision as it is written. */
export interface RecordRevision {
  readonly id: string;
  readonly teamId: string;
  readonly deviceId: string;
  readonly batchId: string;
  readonly type: RecordType;
  readonly rev: number;
  readonly hash: string;
  readonly payload: string;
  readonly consent: string | null;
  readonly attachments: string;
  readonly training: boolean;
  /** The device's offset from the server's clock when it made the record (ms), if it said. */
  readonly clockOffsetMs: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly serverRef: string | null;
  readonly receivedAt: string;
  readonly dueAt: number | null;
}

interface Row {
  id: string;
  team_id: string;
  type: RecordType;
  rev: number;
  hash: string;
  status: LifecycleStatus;
  server_ref: string;
}

/** The records and the reference counters, with statements prepared once (events: journal.ts). */
export function createRecordStore(db: Database.Database) {
  const get = db.prepare<[string], Row>('SELECT id, team_id, type, rev, hash, status, server_ref FROM records WHERE id = ?');
  const insert = db.prepare(`
    INSERT INTO records (id, team_id, device_id, batch_id, type, rev, hash, payload, consent, attachments, training,
      clock_offset_ms, created_at, updated_at, status, server_ref, received_at, due_at)
    VALUES (@id, @teamId, @deviceId, @batchId, @type, @rev, @hash, @payload, @consent, @attachments, @training,
      @clockOffsetMs, @createdAt, @updatedAt, 'received', @serverRef, @receivedAt, @dueAt)`);
  const replace = db.prepare(`
    UPDATE records SET device_id = @deviceId, batch_id = @batchId, rev = @rev, hash = @hash, payload = @payload,
      consent = @consent, attachments = @attachments, training = @training, clock_offset_ms = @clockOffsetMs,
      updated_at = @updatedAt,
      status = 'received', received_at = @receivedAt, decided_at = NULL, due_at = @dueAt
    WHERE id = @id`);
  const decided = db.prepare('UPDATE records SET status = ?, decided_at = ?, server_ref = coalesce(?, server_ref) WHERE id = ?');
  const bump = db.prepare<[string], { value: number }>(
    'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
  );

  // `server_ref` is NOT NULL since schema v1; '' stands for "no reference yet" (a hub's records).
  const toParams = (r: RecordRevision) => ({ ...r, training: r.training ? 1 : 0, serverRef: r.serverRef ?? '' });

  return {
    get(id: string): StoredRecord | undefined {
      const row = get.get(id);
      return row && {
        id: row.id,
        teamId: row.team_id,
        type: row.type,
        rev: row.rev,
        hash: row.hash,
        status: row.status,
        serverRef: row.server_ref === '' ? null : row.server_ref,
      };
    },
    insert(revision: RecordRevision): void {
      insert.run(toParams(revision));
    },
    /** A higher rev of a record the province still lets the device change. */
    replace(revision: RecordRevision): void {
      replace.run(toParams(revision));
    },
    /** A decision taken elsewhere (the province's, relayed to a hub), so this store refuses what it no longer allows. */
    setDecided(id: string, status: LifecycleStatus, at: string, serverRef: string | null): void {
      decided.run(status, at, serverRef, id);
    },
    nextSequence(name: string): number {
      const row = bump.get(name);
      if (!row) throw new Error(`counter ${name} did not advance`);
      return row.value;
    },
  };
}

export type RecordStore = ReturnType<typeof createRecordStore>;
