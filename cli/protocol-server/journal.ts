import type Database from 'better-sqlite3';
import type { LifecycleStatus } from '../../shared/domain/lifecycle.ts';
import type { RecordType } from '../../shared/domain/records.ts';

/** One change of a record's province status, as /v1/updates reports it. */
export interface RecordEvent {
  readonly teamId: string;
  readonly recordId: string;
  readonly type: RecordType;
  readonly status: LifecycleStatus;
  readonly serverRef: string | null;
  readonly code: string | null;
  readonly message: string | null;
  readonly appointmentAt: string | null;
  readonly at: string;
}

/** A stored event with its cursor (the event number /v1/updates pages by). */
export interface JournalEvent extends RecordEvent {
  readonly cursor: number;
}

/** An accepted revision, joined with the record as it now stands (for the lead's workspace). */
export interface AcceptedRevision {
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  readonly rev: number;
  readonly hash: string;
  readonly payload: string;
  readonly consent: string | null;
  readonly attachments: string;
  readonly training: 0 | 1;
  readonly clock_offset_ms: number | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly device_id: string;
  readonly device_name: string | null;
}

interface EventRow {
  cursor: number;
  team_id: string;
  record_id: string;
  type: RecordType;
  status: LifecycleStatus;
  server_ref: string | null;
  code: string | null;
  message: string | null;
  appointment_at: string | null;
  at: string;
}

/**
 * The two logs of a protocol server's store, and the only code that writes them: `record_events`
 * (what the province decided, which devices pull from /v1/updates) and `accepted_revisions` (every
 * revision a server accepted, which the lead's workspace follows with a cursor on the hub).
 * Statements are prepared once per database.
 */
export function createJournal(db: Database.Database) {
  const insertEvent = db.prepare(`
    INSERT INTO record_events (team_id, record_id, type, status, server_ref, code, message, appointment_at, at)
    VALUES (@teamId, @recordId, @type, @status, @serverRef, @code, @message, @appointmentAt, @at)`);
  const sameEvent = db.prepare(`
    SELECT 1 FROM record_events WHERE record_id = @recordId AND status = @status AND at = @at AND team_id = @teamId
      AND coalesce(code, '') = coalesce(@code, '') AND coalesce(server_ref, '') = coalesce(@serverRef, '')`);
  const eventPage = db.prepare<[string, number, number], EventRow>(`
    SELECT cursor, team_id, record_id, type, status, server_ref, code, message, appointment_at, at FROM record_events
    WHERE team_id = ? AND cursor > ? ORDER BY cursor LIMIT ?`);
  const insertAccepted = db.prepare(
    'INSERT INTO accepted_revisions (team_id, record_id, rev, at) VALUES (@teamId, @id, @rev, @at)',
  );
  const acceptedPage = db.prepare<[number, number], AcceptedRevision>(`
    SELECT j.seq, r.id, r.type, r.rev, r.hash, r.payload, r.consent, r.attachments, r.training, r.clock_offset_ms, r.created_at,
      r.updated_at, r.device_id, d.name AS device_name
    FROM accepted_revisions j JOIN records r ON r.id = j.record_id LEFT JOIN devices d ON d.id = r.device_id
    WHERE j.seq > ? ORDER BY j.seq LIMIT ?`);

  return {
    appendEvent(event: RecordEvent): void {
      insertEvent.run(event);
    },
    /** The same decision is already in the log (relaying it again changes nothing). */
    hasEvent(event: RecordEvent): boolean {
      return sameEvent.get(event) !== undefined;
    },
    /** A team's events after `cursor`, oldest first. */
    eventsAfter(teamId: string, cursor: number, limit: number): JournalEvent[] {
      return eventPage.all(teamId, cursor, limit).map((row) => ({
        cursor: row.cursor,
        teamId: row.team_id,
        recordId: row.record_id,
        type: row.type,
        status: row.status,
        serverRef: row.server_ref,
        code: row.code,
        message: row.message,
        appointmentAt: row.appointment_at,
        at: row.at,
      }));
    },
    /** Notes an accepted revision for the reader that follows the journal (a relay's lead). */
    noteAccepted(revision: { readonly teamId: string; readonly id: string; readonly rev: number; readonly at: string }): void {
      insertAccepted.run(revision);
    },
    /** Accepted revisions after `seq`, oldest first, with the record they belong to. */
    acceptedAfter(seq: number, limit: number): AcceptedRevision[] {
      return acceptedPage.all(seq, limit);
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
