import type Database from 'better-sqlite3';
import * as v from 'valibot';
import { RecordEnvelopeSchema } from '../../shared/domain/records.ts';
import type { WireRecord } from '../../shared/sync/protocol.ts';
import { canonicalSha256 } from '../hashing/sha256.ts';
import type { Params } from '../i18n/index.ts';
import { requiredAttachments } from '../protocol-server/record-checks.ts';
import { attachmentMime } from './attachment-mime.ts';
import { leadRecordColumns, type LeadRecordColumns, type LinkedResident } from './lead-record-columns.ts';

/** How a phone's records reached the lead: through the LAN hub, or in a sealed batch file. */
export interface HandOver {
  /** `hub:<phone name>` or `sealed:<device id>`: shown in review as where the record came from. */
  readonly source: string;
  /** The import the records belong to (a sealed file's), or null (the hub's journal). */
  readonly importId: string | null;
  /** The bytes of an attachment the workspace lacks, when this hand-over holds them. */
  readonly attachment: (sha256: string) => Uint8Array | undefined;
  /**
   * The payload hashes were checked on the way in already (the hub's protocol server refuses a
   * batch record whose hash is not its payload's), so hashing them again would only cost time.
   */
  readonly hashesChecked: boolean;
}

export type IntakeRefusal = 'LEAD_RECORD_FIELD_INVALID' | 'LEAD_RECORD_HASH_MISMATCH' | 'LEAD_RECORD_REV_CONFLICT';

export type IntakeOutcome =
  /** Stored: a record the lead did not have, or a higher revision (back to review). */
  | { readonly status: 'new' | 'changed'; readonly columns: LeadRecordColumns }
  /** The lead has this revision (a replay) or a later one. */
  | { readonly status: 'unchanged' }
  /** Not stored: what is wrong with it, as a sync receipt would say it to the phone. */
  | { readonly status: 'refused'; readonly field: string; readonly code: IntakeRefusal; readonly params: Params };

export interface IntakeOptions {
  /** Today in Asia/Ho_Chi_Minh (ISO), for "date of birth in the future". */
  readonly today: string;
}

const COLUMNS = `type, rev, created_at, updated_at, device_id, training, clock_offset_ms, consent, raw_sha256, source,
  source_key, import_id, payload, raw, issues, valid, commune_code, hamlet, hamlet_key, full_name, search_key,
  date_of_birth, sex, cccd, phone, eid_level, procedure_code, lifecycle`;
const PLACES = COLUMNS.split(',').map((c) => `@${c.trim()}`).join(', ');

/**
 * The one way a phone's record enters the lead's review queue, whichever way it came: the
 * envelope must parse, its hash must be its payload's, and a revision the lead already holds
 * with other content is refused (two phones, or a phone and a file, disagreeing about one
 * revision). A new record or a higher revision is stored for review with the checks of
 * lead-record-columns.ts, its attachments with it; an older or equal one changes nothing.
 * Statements are prepared once; `take` runs inside the caller's transaction.
 */
export function createPhoneRecordIntake(db: Database.Database, options: IntakeOptions) {
  const stored = db.prepare<[string], { rev: number; raw_sha256: string }>('SELECT rev, raw_sha256 FROM records WHERE id = ?');
  const linked = db.prepare<[string], LinkedResident>(
    `SELECT commune_code, hamlet, hamlet_key, full_name FROM records WHERE id = ? AND type = 'resident'`,
  );
  const hasAttachment = db.prepare<[string], 1>('SELECT 1 FROM attachments WHERE sha256 = ?').pluck();
  const putAttachment = db.prepare('INSERT OR IGNORE INTO attachments (sha256, mime, bytes) VALUES (?, ?, ?)');
  const insert = db.prepare(`INSERT INTO records (id, ${COLUMNS}) VALUES (@id, ${PLACES})`);
  const update = db.prepare(
    `UPDATE records SET (${COLUMNS}) = (${PLACES}), review_state = 'pending', review_reason = NULL, reviewed_at = NULL,
       sync_state = 'local' WHERE id = @id`,
  );
  // An older rev approved but not sent yet must not leave: the fix is reviewed first.
  const unqueue = db.prepare('DELETE FROM outbox WHERE id = ?');

  return {
    take(wire: WireRecord, deviceId: string, from: HandOver): IntakeOutcome {
      const envelope = v.safeParse(RecordEnvelopeSchema, { ...wire, deviceId });
      if (!envelope.success) {
        const field = v.getDotPath(envelope.issues[0]) ?? 'payload';
        return { status: 'refused', field, code: 'LEAD_RECORD_FIELD_INVALID', params: { id: wire.id, field } };
      }
      if (!from.hashesChecked && canonicalSha256(wire.payload) !== wire.hash) {
        return { status: 'refused', field: 'hash', code: 'LEAD_RECORD_HASH_MISMATCH', params: { id: wire.id, field: 'hash' } };
      }
      const have = stored.get(wire.id);
      if (have && have.rev === wire.rev && have.raw_sha256 !== wire.hash) {
        return { status: 'refused', field: 'rev', code: 'LEAD_RECORD_REV_CONFLICT', params: { id: wire.id, rev: wire.rev } };
      }
      if (have && have.rev >= wire.rev) return { status: 'unchanged' };

      for (const sha256 of requiredAttachments(wire)) {
        if (hasAttachment.get(sha256) !== undefined) continue;
        const bytes = from.attachment(sha256);
        if (bytes) putAttachment.run(sha256, attachmentMime(envelope.output, sha256, bytes), bytes);
      }
      const columns = leadRecordColumns(envelope.output, options.today, (id) => linked.get(id));
      const values = {
        id: wire.id,
        type: wire.type,
        rev: wire.rev,
        created_at: wire.createdAt,
        updated_at: wire.updatedAt,
        device_id: deviceId,
        training: wire.training ? 1 : 0,
        clock_offset_ms: wire.clockOffsetMs ?? null,
        consent: wire.consent === null ? null : JSON.stringify(wire.consent),
        raw_sha256: wire.hash,
        source: from.source,
        source_key: `record:${wire.id}`,
        import_id: from.importId,
        ...columns,
      };
      if (have) {
        update.run(values);
        unqueue.run(wire.id);
        return { status: 'changed', columns };
      }
      insert.run(values);
      return { status: 'new', columns };
    },
  };
}

export type PhoneRecordIntake = ReturnType<typeof createPhoneRecordIntake>;
