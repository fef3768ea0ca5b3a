import type Database from 'better-sqlite3';
import { RECORD_TYPES } from '../../shared/domain/records.ts';
import type { Ids } from '../../shared/sync/ids.ts';
import type { WireRecord } from '../../shared/sync/protocol.ts';
import { bytesSha256 } from '../hashing/sha256.ts';
import { sniffMime } from './attachment-mime.ts';
import type { ImportResult, RowProblem } from './import-residents.ts';
import { personKey, sharedKeys } from './known-records.ts';
import { createPhoneRecordIntake } from './phone-record-intake.ts';

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

/**
 * Stores a phone's records (the sealed-file path of `langso import`) in one transaction through
 * the one intake path (phone-record-intake.ts) the hub's records take too, and notes the import
 * with its counts. Households and residents go first so e-ID applications and dossiers find
 * their place.
 */
export function importWireRecords(db: Database.Database, batch: WireBatch, options: WireImportOptions): ImportResult {
  const rank = (record: WireRecord): number => RECORD_TYPES.indexOf(record.type);
  const ordered = batch.records.map((record, index) => ({ record, index })).sort((a, b) => rank(a.record) - rank(b.record));
  const keepAttachment = db.prepare('INSERT OR IGNORE INTO attachments (sha256, mime, bytes) VALUES (?, ?, ?)');
  const intake = createPhoneRecordIntake(db, options);

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
    const from = { source: `sealed:${batch.deviceId}`, importId, attachment: () => undefined, hashesChecked: false };
    for (const { record, index } of ordered) {
      const outcome = intake.take(record, batch.deviceId, from);
      if (outcome.status === 'refused') {
        problems.push({ index, field: outcome.field, code: outcome.code, params: outcome.params });
        continue;
      }
      if (outcome.status === 'unchanged') continue;
      const c = outcome.columns;
      if (c.valid === 0) {
        invalid += 1;
        for (const issue of JSON.parse(c.issues) as RowProblem[]) problems.push({ ...issue, index });
      }
      if (record.type === 'resident') {
        residents.push({ cccd: c.cccd, person: personKey({ searchKey: c.search_key, dateOfBirth: c.date_of_birth, hamletKey: c.hamlet_key }) });
      }
      if (outcome.status === 'changed') changed += 1;
      else created += 1;
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
