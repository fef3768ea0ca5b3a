import { csvLine, UTF8_BOM, type CsvCell } from '../output/csv.ts';
import { issuesOf, lifecycleOf, type RecordRow } from '../workspace/record-row.ts';

const CSV_HEADER = [
  'id',
  'type',
  'rev',
  'fullName',
  'dateOfBirth',
  'sex',
  'cccd',
  'phone',
  'communeCode',
  'hamlet',
  'eidLevel',
  'procedureCode',
  'status',
  'reviewState',
  'reviewReason',
  'syncState',
  'provinceStatus',
  'serverRef',
  'valid',
  'issues',
  'consent',
  'source',
  'line',
  'createdAt',
  'updatedAt',
];

function csvCells(row: RecordRow): CsvCell[] {
  return [
    row.id,
    row.type,
    row.rev,
    row.full_name,
    row.date_of_birth,
    row.sex,
    row.cccd,
    row.phone,
    row.commune_code,
    row.hamlet,
    row.eid_level,
    row.procedure_code,
    lifecycleOf(row),
    row.review_state,
    row.review_reason,
    row.sync_state,
    row.province_status,
    row.server_ref,
    row.valid === 1,
    issuesOf(row)
      .map((i) => `${i.field}:${i.code}`)
      .join(';'),
    row.consent !== null,
    row.source,
    row.line,
    row.created_at,
    row.updated_at,
  ];
}

/**
 * RFC 4180 with a UTF-8 BOM and CRLF, so Excel opens the Vietnamese names right. The file holds
 * full ID and phone numbers: it is the export's purpose (logs never do).
 */
export function exportCsv(rows: Iterable<RecordRow>): { text: string; count: number } {
  const parts = [UTF8_BOM, csvLine(CSV_HEADER)];
  let count = 0;
  for (const row of rows) {
    parts.push(csvLine(csvCells(row)));
    count += 1;
  }
  return { text: parts.join(''), count };
}

function jsonRecord(row: RecordRow): unknown {
  return {
    id: row.id,
    type: row.type,
    rev: row.rev,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    source: row.source,
    line: row.line,
    valid: row.valid === 1,
    issues: issuesOf(row),
    // A valid record's domain payload; an invalid one is exported as it arrived.
    payload: row.payload === null ? null : JSON.parse(row.payload),
    input: row.raw === null ? null : JSON.parse(row.raw),
    consent: row.consent === null ? null : JSON.parse(row.consent),
    review: { state: row.review_state, reason: row.review_reason, at: row.reviewed_at },
    sync: { state: row.sync_state },
    province: { status: row.province_status, serverRef: row.server_ref, at: row.province_at },
    status: lifecycleOf(row),
  };
}

export function exportJson(rows: Iterable<RecordRow>, meta: Record<string, unknown>): { text: string; count: number } {
  const records = [...rows].map(jsonRecord);
  return { text: `${JSON.stringify({ ...meta, count: records.length, records }, null, 2)}\n`, count: records.length };
}
