import type Database from 'better-sqlite3';
import type { Ids } from '../../shared/sync/ids.ts';
import type { Issue } from '../../shared/validate/issue.ts';
import { normaliseName } from '../../shared/validate/names.ts';
import { normalisePhone } from '../../shared/validate/phone.ts';
import { validateResidentInput, type ResidentInput } from '../../shared/validate/resident.ts';
import { parseSex } from '../../shared/validate/sex.ts';
import { bytesSha256, canonicalSha256 } from './hash.ts';
import { personKeysOf, sourceKeyOf, type PersonKeys } from './row-identity.ts';

/** One resident row of a plain JSON/CSV list (the `check` format), with where it was. */
export interface ResidentRow {
  /** 0-based position in the file's list. */
  readonly index: number;
  /** 1-based line in the file, when the format has lines (CSV). */
  readonly line?: number | undefined;
  readonly input: ResidentInput;
}

export interface ImportedFile {
  readonly name: string;
  readonly kind: 'json' | 'csv';
}

export interface RowProblem extends Issue {
  readonly index: number;
  readonly line?: number | undefined;
}

export interface ImportCounts {
  readonly records: number;
  readonly new: number;
  readonly changed: number;
  readonly unchanged: number;
  /** Rows whose CCCD another record also has (in this file or already stored). */
  readonly duplicate: number;
  /** Rows with the same folded name, date of birth and hamlet as another record, and no CCCD match. */
  readonly possibleDuplicate: number;
  readonly invalid: number;
}

export interface ImportResult extends ImportCounts {
  /** The import's id, or null when nothing changed and nothing was written. */
  readonly importId: string | null;
  readonly problems: readonly RowProblem[];
}

export interface ImportOptions {
  readonly file: ImportedFile;
  /** Who the rows come from: the volunteer named by the lead, else the file's name. */
  readonly source: string;
  readonly deviceId: string;
  /** Today in Asia/Ho_Chi_Minh (ISO), for "date of birth in the future". */
  readonly today: string;
  readonly now: () => string;
  readonly ids: Ids;
  readonly onProgress?: (done: number) => void;
}

interface Prepared {
  readonly row: ResidentRow;
  readonly keys: PersonKeys;
  readonly sourceKey: string;
  readonly rawSha256: string;
  readonly issues: readonly Issue[];
  readonly payload: unknown;
}

/**
 * Stores one file's resident rows in one transaction: nothing half-written. Each row is validated
 * with the shared rules and kept with its issues (an invalid row is shown to the lead, never
 * approved). A row already stored with the same content changes nothing; one whose content
 * changed gets a new rev and goes back to review.
 */
export function importResidentRows(db: Database.Database, rows: readonly ResidentRow[], options: ImportOptions): ImportResult {
  const prepared = prepareRows(rows, options.today);
  const statements = prepareStatements(db);
  const run = db.transaction((): ImportResult => {
    const at = options.now();
    const importId = options.ids.next();
    // The file's content hash: of its rows' hashes, so formatting (quotes, spacing, BOM) does not count.
    const fileSha256 = bytesSha256(new TextEncoder().encode(prepared.map((p) => p.rawSha256).join('\n')));
    statements.insertImport.run(importId, options.file.kind, options.file.name, fileSha256, options.source, at, rows.length);
    const keysInFile = new Set(prepared.map((p) => p.sourceKey));
    const claimed = new Set<string>();
    const recordIds: string[] = [];
    let created = 0;
    let changed = 0;
    prepared.forEach((p, i) => {
      const existing = findExisting(statements, options.source, p, keysInFile, claimed);
      if (existing) {
        claimed.add(existing.id);
        recordIds.push(existing.id);
        if (existing.raw_sha256 !== p.rawSha256) {
          statements.update.run({ ...columnsOf(p, importId, at), id: existing.id });
          statements.unqueue.run(existing.id);
          changed += 1;
        }
      } else {
        const id = options.ids.next();
        recordIds.push(id);
        statements.insert.run({ ...columnsOf(p, importId, at), id, device_id: options.deviceId, source: options.source });
        created += 1;
      }
      options.onProgress?.(i + 1);
    });
    const counts = countDuplicates(statements, prepared, recordIds);
    const invalid = prepared.filter((p) => p.issues.length > 0).length;
    const written = created + changed > 0;
    if (written) statements.finishImport.run(created, changed, counts.duplicate, invalid, importId);
    else statements.dropImport.run(importId);
    return {
      importId: written ? importId : null,
      records: rows.length,
      new: created,
      changed,
      unchanged: rows.length - created - changed,
      ...counts,
      invalid,
      problems: prepared.flatMap((p) => p.issues.map((issue) => ({ ...issue, index: p.row.index, line: p.row.line }))),
    };
  });
  return run();
}

function prepareRows(rows: readonly ResidentRow[], today: string): Prepared[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const keys = personKeysOf(row.input);
    const base = sourceKeyOf(keys, row.index);
    // The same person twice in one file: the later rows get their own, stable, keys.
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    const check = validateResidentInput(row.input, { today });
    return {
      row,
      keys,
      sourceKey: occurrence === 1 ? base : `${base}#${occurrence}`,
      rawSha256: canonicalSha256(row.input),
      issues: check.issues,
      payload: check.value,
    };
  });
}

type Statement = Database.Statement<unknown[], unknown>;
interface Statements {
  readonly insertImport: Statement;
  readonly finishImport: Statement;
  readonly dropImport: Statement;
  readonly bySourceKey: Statement;
  readonly bySourcePerson: Statement;
  readonly insert: Statement;
  readonly update: Statement;
  readonly unqueue: Statement;
  readonly sameCccd: Statement;
  readonly samePerson: Statement;
}

const SET_COLUMNS = `payload = @payload, payload_sha256 = @payload_sha256, raw = @raw, raw_sha256 = @raw_sha256,
  source_key = @source_key, import_id = @import_id, line = @line, issues = @issues, valid = @valid,
  commune_code = @commune_code, hamlet = @hamlet, hamlet_key = @hamlet_key, full_name = @full_name,
  search_key = @search_key, date_of_birth = @date_of_birth, sex = @sex, cccd = @cccd, phone = @phone`;

function prepareStatements(db: Database.Database): Statements {
  return {
    insertImport: db.prepare(
      `INSERT INTO imports (id, kind, file_name, file_sha256, source, imported_at, rows, new_count, changed_count,
         duplicate_count, invalid_count) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)`,
    ),
    finishImport: db.prepare(
      'UPDATE imports SET new_count = ?, changed_count = ?, duplicate_count = ?, invalid_count = ? WHERE id = ?',
    ),
    dropImport: db.prepare('DELETE FROM imports WHERE id = ?'),
    bySourceKey: db.prepare('SELECT id, raw_sha256 FROM records WHERE source = ? AND source_key = ?'),
    bySourcePerson: db.prepare(
      `SELECT id, raw_sha256, source_key FROM records
       WHERE source = ? AND search_key = ? AND date_of_birth = ? AND type = 'resident' ORDER BY created_at, id`,
    ),
    insert: db.prepare(
      `INSERT INTO records (id, type, rev, created_at, updated_at, device_id, training, consent, payload, payload_sha256,
         raw, raw_sha256, source, source_key, import_id, line, issues, valid, commune_code, hamlet, hamlet_key,
         full_name, search_key, date_of_birth, sex, cccd, phone)
       VALUES (@id, 'resident', 1, @at, @at, @device_id, 0, NULL, @payload, @payload_sha256, @raw, @raw_sha256,
         @source, @source_key, @import_id, @line, @issues, @valid, @commune_code, @hamlet, @hamlet_key, @full_name,
         @search_key, @date_of_birth, @sex, @cccd, @phone)`,
    ),
    update: db.prepare(
      `UPDATE records SET rev = rev + 1, updated_at = @at, ${SET_COLUMNS}, review_state = 'pending',
         review_reason = NULL, reviewed_at = NULL, sync_state = 'local' WHERE id = @id`,
    ),
    unqueue: db.prepare('DELETE FROM outbox WHERE id = ?'),
    sameCccd: db.prepare("SELECT 1 FROM records WHERE type = 'resident' AND cccd = ? AND id <> ? LIMIT 1").pluck(),
    samePerson: db
      .prepare(
        `SELECT 1 FROM records WHERE type = 'resident' AND search_key = ? AND date_of_birth = ? AND hamlet_key IS ?
           AND id <> ? LIMIT 1`,
      )
      .pluck(),
  };
}

interface Existing {
  readonly id: string;
  readonly raw_sha256: string;
}

function findExisting(
  statements: Statements,
  source: string,
  p: Prepared,
  keysInFile: ReadonlySet<string>,
  claimed: ReadonlySet<string>,
): Existing | undefined {
  const byKey = statements.bySourceKey.get(source, p.sourceKey) as Existing | undefined;
  if (byKey) return byKey;
  // A corrected CCCD changes the key: the same person (name, birth date) from the same source,
  // whose old key the file no longer has, is that record edited.
  if (!p.keys.searchKey || !p.keys.dateOfBirth) return undefined;
  const people = statements.bySourcePerson.all(source, p.keys.searchKey, p.keys.dateOfBirth) as (Existing & {
    source_key: string;
  })[];
  return people.find((other) => !keysInFile.has(other.source_key) && !claimed.has(other.id));
}

function countDuplicates(
  statements: Statements,
  prepared: readonly Prepared[],
  recordIds: readonly string[],
): Pick<ImportCounts, 'duplicate' | 'possibleDuplicate'> {
  let duplicate = 0;
  let possibleDuplicate = 0;
  prepared.forEach(({ keys }, i) => {
    const id = recordIds[i];
    if (id === undefined) return;
    if (keys.cccd && statements.sameCccd.get(keys.cccd, id) !== undefined) duplicate += 1;
    else if (
      keys.searchKey &&
      keys.dateOfBirth &&
      statements.samePerson.get(keys.searchKey, keys.dateOfBirth, keys.hamletKey, id) !== undefined
    ) {
      possibleDuplicate += 1;
    }
  });
  return { duplicate, possibleDuplicate };
}

function columnsOf(p: Prepared, importId: string, at: string): Record<string, string | number | null> {
  const { input } = p.row;
  const name = normaliseName(input.fullName ?? '');
  const commune = (input.communeCode ?? '').trim();
  return {
    at,
    payload: p.payload === undefined ? null : JSON.stringify(p.payload),
    payload_sha256: p.payload === undefined ? null : canonicalSha256(p.payload),
    raw: JSON.stringify(input),
    raw_sha256: p.rawSha256,
    source_key: p.sourceKey,
    import_id: importId,
    line: p.row.line ?? null,
    issues: JSON.stringify(p.issues),
    valid: p.issues.length === 0 ? 1 : 0,
    commune_code: commune === '' ? null : commune,
    hamlet: p.keys.hamlet,
    hamlet_key: p.keys.hamletKey,
    full_name: name === '' ? null : name,
    search_key: p.keys.searchKey,
    date_of_birth: p.keys.dateOfBirth,
    sex: parseSex(input.sex ?? '') ?? null,
    cccd: p.keys.cccd,
    phone: input.phone === undefined ? null : (normalisePhone(input.phone) ?? null),
  };
}
