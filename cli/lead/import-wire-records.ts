import type Database from 'better-sqlite3';
import * as v from 'valibot';
import { RECORD_TYPES, RecordEnvelopeSchema } from '../../shared/domain/records.ts';
import type { Ids } from '../../shared/sync/ids.ts';
import type { WireRecord } from '../../shared/sync/protocol.ts';
import { sniffMime } from '../hub/attachment-mime.ts';
import { leadRecordColumns, type LinkedResident } from '../hub/lead-record-columns.ts';
import { bytesSha256, canonicalSha256 } from './hash.ts';
import type { ImportResult, RowProblem } from './import-residents.ts';
import { personKey, sharedKeys } from './known-records.ts';

/** What an unsealed batch file holds, once shared/seal has verified its signature and hashes. */
export interface WireBatch {
  /** The device that made the records (the file's manifest). */
  readonly deviceId: string;
  readonly file: { readonly name: string; readonly sha256: string };
  readonly records: readonly WireRecord[];
  readonly attachments: readonly { readonly sha256: string; readonly bytes: Uint8Array }[];
}

export interface WireImportOptions {
  readonly today: string;
  readonly now: () => string;
  readonly ids: Ids;
}

const COLUMNS = `type, rev, created_at, updated_at, device_id, training, consent, raw_sha256, source, source_key, import_id,
  payload, raw, issues, valid, commune_code, hamlet, hamlet_key, full_name, search_key, date_of_birth, sex, cccd,
  phone, eid_level, procedure_code, lifecycle`;
const PLACES = COLUMNS.split(',').map(() => '?').join(', ');

/**
 * Stores a phone's records (the sealed-file path of `langso import`) in one transaction, with the
 * same columns and checks as records arriving through the hub (cli/hub/lead-record-columns.ts),
 * so review shows the same issues whichever way a record came in. A record is known by its id:
 * the same (id, rev) again changes nothing, a higher rev goes back to review, an older one is
 * ignored. Households and residents go first so e-ID applications and dossiers find their place.
 */
export function importWireRecords(db: Database.Database, batch: WireBatch, options: WireImportOptions): ImportResult {
  const rank = (record: WireRecord): number => RECORD_TYPES.indexOf(record.type);
  const ordered = batch.records.map((record, index) => ({ record, index })).sort((a, b) => rank(a.record) - rank(b.record));
  const stored = db.prepare('SELECT rev, raw_sha256 FROM records WHERE id = ?');
  const linked = db.prepare(`SELECT commune_code, hamlet, hamlet_key, full_name FROM records WHERE id = ? AND type = 'resident'`);
  const insert = db.prepare(`INSERT INTO records (id, ${COLUMNS}) VALUES (?, ${PLACES})`);
  const update = db.prepare(
    `UPDATE records SET (${COLUMNS}) = (${PLACES}), review_state = 'pending', review_reason = NULL, reviewed_at = NULL,
       sync_state = 'local' WHERE id = ?`,
  );
  const unqueue = db.prepare('DELETE FROM outbox WHERE id = ?');
  const keepAttachment = db.prepare('INSERT OR IGNORE INTO attachments (sha256, mime, bytes) VALUES (?, ?, ?)');

  return db.transaction((): ImportResult => {
    const at = options.now();
    const importId = options.ids.next();
    db.prepare(
      `INSERT INTO imports (id, kind, file_name, file_sha256, source, imported_at, rows, new_count, changed_count,
         duplicate_count, invalid_count) VALUES (?, 'sealed', ?, ?, ?, ?, ?, 0, 0, 0, 0)`,
    ).run(importId, batch.file.name, batch.file.sha256, batch.deviceId, at, batch.records.length);
    const problems: RowProblem[] = [];
    const residents: { cccd: string | null; person: string | undefined }[] = [];
    let created = 0;
    let changed = 0;
    let invalid = 0;
    for (const attachment of batch.attachments) {
      if (bytesSha256(attachment.bytes) === attachment.sha256) keepAttachment.run(attachment.sha256, sniffMime(attachment.bytes), attachment.bytes);
      else problems.push({ index: -1, field: 'attachments', code: 'LEAD_ATTACHMENT_HASH_MISMATCH', params: { sha256: attachment.sha256 } });
    }
    for (const { record, index } of ordered) {
      const envelope = v.safeParse(RecordEnvelopeSchema, { ...record, deviceId: batch.deviceId });
      if (!envelope.success || canonicalSha256(record.payload) !== record.hash) {
        const field = envelope.success ? 'hash' : (v.getDotPath(envelope.issues[0]) ?? 'payload');
        problems.push({ index, field, code: envelope.success ? 'LEAD_RECORD_HASH_MISMATCH' : 'LEAD_RECORD_FIELD_INVALID', params: { id: record.id, field } });
        continue;
      }
      const have = stored.get(record.id) as { rev: number; raw_sha256: string } | undefined;
      if (have && have.rev === record.rev && have.raw_sha256 !== record.hash) {
        problems.push({ index, field: 'rev', code: 'LEAD_RECORD_REV_CONFLICT', params: { id: record.id, rev: record.rev } });
        continue;
      }
      const c = leadRecordColumns(envelope.output, options.today, (id) => linked.get(id) as LinkedResident | undefined);
      if (c.valid === 0) {
        invalid += 1;
        for (const issue of JSON.parse(c.issues) as RowProblem[]) problems.push({ ...issue, index });
      }
      if (record.type === 'resident') {
        residents.push({ cccd: c.cccd, person: personKey({ searchKey: c.search_key, dateOfBirth: c.date_of_birth, hamletKey: c.hamlet_key }) });
      }
      if (have && have.rev >= record.rev) continue;
      const consent = record.consent === null ? null : JSON.stringify(record.consent);
      // In the order of COLUMNS.
      const values = [
        record.type, record.rev, record.createdAt, record.updatedAt, batch.deviceId, record.training ? 1 : 0, consent,
        record.hash, `sealed:${batch.deviceId}`, `record:${record.id}`, importId, c.payload, c.raw, c.issues, c.valid,
        c.commune_code, c.hamlet, c.hamlet_key, c.full_name, c.search_key, c.date_of_birth, c.sex, c.cccd, c.phone,
        c.eid_level, c.procedure_code, c.lifecycle,
      ];
      if (have) {
        update.run(...values, record.id);
        unqueue.run(record.id);
        changed += 1;
      } else {
        insert.run(record.id, ...values);
        created += 1;
      }
    }
    const shared = sharedKeys(db);
    const duplicate = residents.filter((r) => r.cccd !== null && shared.cccds.has(r.cccd)).length;
    const possibleDuplicate = residents.filter(
      (r) => !(r.cccd !== null && shared.cccds.has(r.cccd)) && r.person !== undefined && shared.people.has(r.person),
    ).length;
    const written = created + changed > 0;
    if (written) {
      db.prepare('UPDATE imports SET new_count = ?, changed_count = ?, duplicate_count = ?, invalid_count = ? WHERE id = ?').run(
        created,
        changed,
        duplicate,
        invalid,
        importId,
      );
    } else db.prepare('DELETE FROM imports WHERE id = ?').run(importId);
    return {
      importId: written ? importId : null,
      records: batch.records.length,
      new: created,
      changed,
      unchanged: batch.records.length - created - changed,
      duplicate,
      possibleDuplicate,
      invalid,
      problems: problems.sort((a, b) => a.index - b.index),
    };
  })();
}
