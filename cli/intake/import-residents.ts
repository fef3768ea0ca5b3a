import type Database from 'better-sqlite3';
import type { Ids } from '../../shared/sync/ids.ts';
import type { Issue } from '../../shared/validate/issue.ts';
import { normaliseName } from '../../shared/validate/names.ts';
import { normalisePhone } from '../../shared/validate/phone.ts';
import { formerCommuneHint } from '../../shared/validate/former-commune-hint.ts';
import { validateResidentInput, type ResidentFields, type ResidentInput } from '../../shared/validate/resident.ts';
import { parseSex } from '../../shared/validate/sex.ts';
import { bytesSha256 } from '../hashing/sha256.ts';
import type { StoredIssue } from '../workspace/record-row.ts';
import { prepareImportStatements } from './import-statements.ts';
import { loadKnownRecords, personKey, sharedKeys } from './known-records.ts';
import { personKeysOf, rowSha256, sourceKeyOf, type PersonKeys } from './row-identity.ts';

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

export interface RowProblem extends StoredIssue {
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
  readonly payload: ResidentFields | undefined;
}

/**
 * Stores one file's resident rows in one transaction: nothing half-written. Each row is validated
 * with the shared rules and kept with its issues (an invalid row is shown to the lead, never
 * approved). A row already stored with the same content changes nothing; one whose content
 * changed gets a new rev and goes back to review.
 */
export function importResidentRows(db: Database.Database, rows: readonly ResidentRow[], options: ImportOptions): ImportResult {
  const prepared = prepareRows(rows, options.today);
  const statements = prepareImportStatements(db);
  const run = db.transaction((): ImportResult => {
    const at = options.now();
    const importId = options.ids.next();
    // The file's content hash: of its rows' hashes, so formatting (quotes, spacing, BOM) does not count.
    const fileSha256 = bytesSha256(new TextEncoder().encode(prepared.map((p) => p.rawSha256).join('\n')));
    statements.insertImport.run(importId, options.file.kind, options.file.name, fileSha256, options.source, at, rows.length);
    const known = loadKnownRecords(db, options.source, new Set(prepared.map((p) => p.sourceKey)));
    let created = 0;
    let changed = 0;
    prepared.forEach((p, i) => {
      const existing = known.match({ sourceKey: p.sourceKey, searchKey: p.keys.searchKey, dateOfBirth: p.keys.dateOfBirth });
      if (!existing) {
        statements.insert.run(options.ids.next(), at, at, options.deviceId, options.source, ...rowValues(p, importId));
        created += 1;
      } else if (existing.raw_sha256 !== p.rawSha256) {
        statements.update.run(at, ...rowValues(p, importId), existing.id);
        statements.unqueue.run(existing.id);
        changed += 1;
      }
      options.onProgress?.(i + 1);
    });
    const counts = countDuplicates(db, prepared);
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
    const check = validateResidentInput(row.input, { today, formerCommunes: formerCommuneHint });
    return {
      row,
      keys,
      sourceKey: occurrence === 1 ? base : `${base}#${occurrence}`,
      rawSha256: rowSha256(row.input),
      issues: check.issues,
      payload: check.value,
    };
  });
}

/** Rows of this file whose CCCD, or else whose person, another resident record shares. */
function countDuplicates(db: Database.Database, prepared: readonly Prepared[]): Pick<ImportCounts, 'duplicate' | 'possibleDuplicate'> {
  const shared = sharedKeys(db);
  let duplicate = 0;
  let possibleDuplicate = 0;
  for (const { keys } of prepared) {
    const person = personKey(keys);
    if (keys.cccd !== null && shared.cccds.has(keys.cccd)) duplicate += 1;
    else if (person !== undefined && shared.people.has(person)) possibleDuplicate += 1;
  }
  return { duplicate, possibleDuplicate };
}

/** The row's columns, in the order of import-statements.ts (ROW_COLUMNS). */
function rowValues(p: Prepared, importId: string): (string | number | null)[] {
  const { input } = p.row;
  const issues = p.issues.length === 0 ? '[]' : JSON.stringify(p.issues);
  const place = [p.keys.hamlet, p.keys.hamletKey];
  const keys = [p.keys.searchKey, p.keys.dateOfBirth];
  const row = [p.rawSha256, p.sourceKey, importId, p.row.line ?? null, issues, p.issues.length === 0 ? 1 : 0];
  if (p.payload !== undefined) {
    // Valid: the normalised values are the payload's own.
    const r = p.payload;
    return [JSON.stringify(r), null, ...row, r.address.communeCode, ...place, r.fullName, ...keys, r.sex, p.keys.cccd, r.phone ?? null];
  }
  const name = normaliseName(input.fullName ?? '');
  const commune = (input.communeCode ?? '').trim();
  return [
    null,
    JSON.stringify(input),
    ...row,
    commune === '' ? null : commune,
    ...place,
    name === '' ? null : name,
    ...keys,
    parseSex(input.sex ?? '') ?? null,
    p.keys.cccd,
    input.phone === undefined ? null : (normalisePhone(input.phone) ?? null),
  ];
}
