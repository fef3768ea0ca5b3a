import { toCsv, type CsvCell } from '../output/csv.ts';
import { ageInDays, COUNTED_FIGURES, type Report } from './report-model.ts';
import { areaRows } from './report-rows.ts';

const FIGURE_KEYS = COUNTED_FIGURES;

const HEADER = [
  'section',
  'level',
  'communeCode',
  'communeName',
  'hamlet',
  ...FIGURE_KEYS,
  'oldestWaitingDays',
  'eidLevel',
  'procedureCode',
  'procedureName',
  'status',
  'count',
];

/**
 * The report as one RFC 4180 table for a spreadsheet: a `section` column says what each row is
 * (`area` figures, an `eid` or a `dossier` status count), every row has every column.
 */
export function renderReportCsv(report: Report, now: string): string {
  const blank = (n: number): CsvCell[] => Array.from({ length: n }, () => '');
  const rows: CsvCell[][] = areaRows(report).map((row) => [
    'area',
    row.level,
    row.communeCode,
    row.communeName,
    row.hamlet,
    ...FIGURE_KEYS.map((key) => row.figures[key]),
    ageInDays(row.figures.oldestWaitingAt, now),
    ...blank(5),
  ]);
  const lead = blank(5 + FIGURE_KEYS.length + 1);
  for (const e of report.eid) rows.push(['eid', ...lead.slice(1), e.level, '', '', e.status, e.count]);
  for (const d of report.dossiers) rows.push(['dossier', ...lead.slice(1), '', d.procedureCode, d.procedureName, d.status, d.count]);
  return toCsv(HEADER, rows);
}
