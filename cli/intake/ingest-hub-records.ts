import type Database from 'better-sqlite3';
import * as v from 'valibot';
import { WireRecordSchema, type WireRecord } from '../../shared/sync/protocol.ts';
import { createJournal, type AcceptedRevision } from '../protocol-server/journal.ts';
import { hubTeamId } from '../workspace/hub-team.ts';
import { createPhoneRecordIntake } from './phone-record-intake.ts';

export interface HubIngestOptions {
  /** Today in Asia/Ho_Chi_Minh (ISO), for "date of birth in the future". */
  readonly today: string;
  /** Revisions handled per lead transaction. */
  readonly pageSize?: number;
}

export interface HubIngestResult {
  /** Records the lead did not have: now waiting for review. */
  readonly new: number;
  /** Records the lead had at a lower rev (a volunteer's fix): back to review. */
  readonly changed: number;
  /** Revisions the lead already had (a replay, or the catch-up after a crash). */
  readonly unchanged: number;
  /** Stored revisions that no longer parse as records (left out, never half-written). */
  readonly unreadable: number;
  /** Revisions the lead holds with other content (it came first in a sealed file): left out. */
  readonly conflicts: number;
}

/** Where the lead's workspace is in the hub's journal; the hub's team id names the hub.db it is for. */
const CursorSchema = v.object({ hubTeamId: v.string(), seq: v.number() });
const CURSOR_KEY = 'hub.ingest';

/**
 * Hands what the LAN hub accepted (`<workspace>/hub.db`) to the lead's review queue
 * (`<workspace>/langso.db`) through the one intake path (phone-record-intake.ts): each revision
 * in the hub's journal after the cursor. Idempotent by (id, rev): running it again — after every
 * batch, and at every hub start to catch what a crash left between the two databases — is always
 * safe. The cursor moves in the same lead transaction as the rows it covers.
 */
export function ingestHubRecords(hubDb: Database.Database, leadDb: Database.Database, options: HubIngestOptions): HubIngestResult {
  const totals = { new: 0, changed: 0, unchanged: 0, unreadable: 0, conflicts: 0 };
  const hubTeam = hubTeamId(hubDb);
  if (hubTeam === undefined) return totals;

  const journal = createJournal(hubDb);
  const hubAttachment = hubDb.prepare<[string], Buffer>('SELECT bytes FROM attachments WHERE sha256 = ?').pluck();
  const readCursor = leadDb.prepare('SELECT value FROM config WHERE key = ?').pluck();
  const writeCursor = leadDb.prepare(
    'INSERT INTO config (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const intake = createPhoneRecordIntake(leadDb, options);

  let cursor = startingCursor(readCursor.get(CURSOR_KEY), hubTeam);
  const pageSize = options.pageSize ?? 500;
  for (;;) {
    const rows = journal.acceptedAfter(cursor, pageSize);
    if (rows.length === 0) break;
    leadDb.transaction(() => {
      for (const row of rows) {
        const wire = wireOf(row);
        if (!wire) {
          totals.unreadable += 1;
          continue;
        }
        const outcome = intake.take(wire, row.device_id, {
          source: `hub:${row.device_name ?? row.device_id}`,
          importId: null,
          attachment: (sha256) => hubAttachment.get(sha256),
          hashesChecked: true,
        });
        if (outcome.status === 'refused') {
          if (outcome.code === 'LEAD_RECORD_REV_CONFLICT') totals.conflicts += 1;
          else totals.unreadable += 1;
        } else totals[outcome.status] += 1;
      }
      cursor = rows.at(-1)?.seq ?? cursor;
      writeCursor.run(CURSOR_KEY, JSON.stringify({ hubTeamId: hubTeam, seq: cursor }));
    })();
  }
  return totals;
}

function startingCursor(stored: unknown, hubTeam: string): number {
  if (typeof stored !== 'string') return 0;
  const parsed = v.safeParse(CursorSchema, safeJson(stored));
  // Another hub.db (made anew): its journal starts again at 1.
  return parsed.success && parsed.output.hubTeamId === hubTeam ? parsed.output.seq : 0;
}

/** The wire record the hub accepted, as it stands in its store. */
function wireOf(row: AcceptedRevision): WireRecord | undefined {
  const wire = v.safeParse(WireRecordSchema, {
    id: row.id,
    type: row.type,
    rev: row.rev,
    hash: row.hash,
    payload: safeJson(row.payload),
    attachments: safeJson(row.attachments),
    consent: row.consent === null ? null : safeJson(row.consent),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    training: row.training === 1,
    ...(row.clock_offset_ms === null ? {} : { clockOffsetMs: row.clock_offset_ms }),
  });
  return wire.success ? wire.output : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
