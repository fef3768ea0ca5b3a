import type Database from 'better-sqlite3';
import * as v from 'valibot';
import { RecordEnvelopeSchema, type RecordEnvelope } from '../../shared/domain/records.ts';
import { WireRecordSchema, type WireRecord } from '../../shared/sync/protocol.ts';
import { attachmentMime } from '../hub/attachment-mime.ts';
import { leadRecordColumns, type LinkedResident } from '../hub/lead-record-columns.ts';
import { requiredAttachments } from '../server/record-checks.ts';

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
}

interface JournalRow {
  seq: number;
  id: string;
  type: string;
  rev: number;
  hash: string;
  payload: string;
  consent: string | null;
  attachments: string;
  training: 0 | 1;
  created_at: string;
  updated_at: string;
  device_id: string;
  device_name: string | null;
}

/** Where the lead's workspace is in the hub's journal; the hub's team id names the hub.db it is for. */
const CursorSchema = v.object({ hubTeamId: v.string(), seq: v.number() });
const CURSOR_KEY = 'hub.ingest';

const COLUMNS = `payload, raw, issues, valid, commune_code, hamlet, hamlet_key, full_name, search_key,
  date_of_birth, sex, cccd, phone, eid_level, procedure_code, lifecycle`;
const PLACES = COLUMNS.split(',').map((c) => `@${c.trim()}`).join(', ');

/**
 * Hands what the LAN hub accepted (`<workspace>/hub.db`) to the lead's review queue
 * (`<workspace>/langso.db`): each revision in the hub's journal after the cursor becomes a
 * pending record, with its attachments. Idempotent by (id, rev): a revision the lead already has
 * changes nothing, so running it again — after every batch, and at every hub start to catch what
 * a crash left between the two databases — is always safe. The cursor moves in the same lead
 * transaction as the rows it covers.
 */
export function ingestHubRecords(hubDb: Database.Database, leadDb: Database.Database, options: HubIngestOptions): HubIngestResult {
  const totals = { new: 0, changed: 0, unchanged: 0, unreadable: 0 };
  const hubTeamId = hubDb.prepare('SELECT id FROM teams ORDER BY created_at, id LIMIT 1').pluck().get();
  if (typeof hubTeamId !== 'string') return totals;

  const page = hubDb.prepare<[number, number], JournalRow>(`
    SELECT j.seq, r.id, r.type, r.rev, r.hash, r.payload, r.consent, r.attachments, r.training, r.created_at,
      r.updated_at, r.device_id, d.name AS device_name
    FROM accepted_revisions j JOIN records r ON r.id = j.record_id LEFT JOIN devices d ON d.id = r.device_id
    WHERE j.seq > ? ORDER BY j.seq LIMIT ?`);
  const hubAttachment = hubDb.prepare<[string], Buffer>('SELECT bytes FROM attachments WHERE sha256 = ?').pluck();

  const readCursor = leadDb.prepare('SELECT value FROM config WHERE key = ?').pluck();
  const writeCursor = leadDb.prepare(
    'INSERT INTO config (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const storedRev = leadDb.prepare<[string], number>('SELECT rev FROM records WHERE id = ?').pluck();
  const linked = leadDb.prepare<[string], LinkedResident>(
    `SELECT commune_code, hamlet, hamlet_key, full_name FROM records WHERE id = ? AND type = 'resident'`,
  );
  const hasAttachment = leadDb.prepare('SELECT 1 FROM attachments WHERE sha256 = ?').pluck();
  const putAttachment = leadDb.prepare('INSERT OR IGNORE INTO attachments (sha256, mime, bytes) VALUES (?, ?, ?)');
  const insert = leadDb.prepare(`
    INSERT INTO records (id, type, rev, created_at, updated_at, device_id, training, consent, raw_sha256, source,
      source_key, ${COLUMNS})
    VALUES (@id, @type, @rev, @created_at, @updated_at, @device_id, @training, @consent, @raw_sha256, @source,
      @source_key, ${PLACES})`);
  const update = leadDb.prepare(`
    UPDATE records SET rev = @rev, updated_at = @updated_at, device_id = @device_id, training = @training,
      consent = @consent, raw_sha256 = @raw_sha256, (${COLUMNS}) = (${PLACES}),
      review_state = 'pending', review_reason = NULL, reviewed_at = NULL, sync_state = 'local'
    WHERE id = @id`);
  // An older rev approved but not sent yet must not leave: the fix is reviewed first.
  const unqueue = leadDb.prepare('DELETE FROM outbox WHERE id = ?');

  let cursor = startingCursor(readCursor.get(CURSOR_KEY), hubTeamId);
  const pageSize = options.pageSize ?? 500;
  for (;;) {
    const rows = page.all(cursor, pageSize);
    if (rows.length === 0) break;
    leadDb.transaction(() => {
      for (const row of rows) {
        const record = parseRow(row);
        if (!record) {
          totals.unreadable += 1;
          continue;
        }
        const { wire, envelope } = record;
        const have = storedRev.get(wire.id);
        if (have !== undefined && have >= wire.rev) {
          totals.unchanged += 1;
          continue;
        }
        for (const sha256 of requiredAttachments(wire)) {
          if (hasAttachment.get(sha256) !== undefined) continue;
          const bytes = hubAttachment.get(sha256);
          if (bytes) putAttachment.run(sha256, attachmentMime(envelope, sha256, bytes), bytes);
        }
        const values = {
          id: wire.id,
          type: wire.type,
          rev: wire.rev,
          created_at: wire.createdAt,
          updated_at: wire.updatedAt,
          device_id: row.device_id,
          training: wire.training ? 1 : 0,
          consent: wire.consent === null ? null : JSON.stringify(wire.consent),
          raw_sha256: wire.hash,
          source: `hub:${row.device_name ?? row.device_id}`,
          source_key: `record:${wire.id}`,
          ...leadRecordColumns(envelope, options.today, (id) => linked.get(id)),
        };
        if (have === undefined) {
          insert.run(values);
          totals.new += 1;
        } else {
          update.run(values);
          unqueue.run(wire.id);
          totals.changed += 1;
        }
      }
      cursor = rows.at(-1)?.seq ?? cursor;
      writeCursor.run(CURSOR_KEY, JSON.stringify({ hubTeamId, seq: cursor }));
    })();
  }
  return totals;
}

function startingCursor(stored: unknown, hubTeamId: string): number {
  if (typeof stored !== 'string') return 0;
  const parsed = v.safeParse(CursorSchema, safeJson(stored));
  // Another hub.db (made anew): its journal starts again at 1.
  return parsed.success && parsed.output.hubTeamId === hubTeamId ? parsed.output.seq : 0;
}

function parseRow(row: JournalRow): { wire: WireRecord; envelope: RecordEnvelope } | undefined {
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
  });
  if (!wire.success) return undefined;
  const envelope = v.safeParse(RecordEnvelopeSchema, { ...wire.output, deviceId: row.device_id });
  return envelope.success ? { wire: wire.output, envelope: envelope.output } : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
