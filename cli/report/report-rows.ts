import { t, type Lang } from '../i18n/index.ts';
import { formatCount, formatShare } from '../output/numbers.ts';
import { ageInDays, share, type AreaFigures, type Report } from './report-model.ts';

export type AreaLevel = 'total' | 'commune' | 'hamlet';

export interface AreaRow {
  readonly level: AreaLevel;
  readonly communeCode: string | null;
  readonly communeName: string | null;
  readonly hamlet: string | null;
  readonly figures: AreaFigures;
}

/** Every area of the report, top-down: all, then each commune followed by its hamlets. */
export function areaRows(report: Report): AreaRow[] {
  const rows: AreaRow[] = [{ level: 'total', communeCode: null, communeName: null, hamlet: null, figures: report.totals }];
  for (const commune of report.communes) {
    const { hamlets, communeCode, communeName, ...figures } = commune;
    rows.push({ level: 'commune', communeCode, communeName, hamlet: null, figures });
    for (const { hamlet, ...h } of hamlets) rows.push({ level: 'hamlet', communeCode, communeName, hamlet, figures: h });
  }
  return rows;
}

/** The column headings shared by the table, CSV-for-people and HTML renderings. */
export const AREA_COLUMNS = [
  'LEAD_REPORT_COL_AREA',
  'LEAD_REPORT_COL_RESIDENTS',
  'LEAD_REPORT_COL_ADULTS14',
  'LEAD_REPORT_COL_CCCD14',
  'LEAD_REPORT_COL_SHARE14',
  'LEAD_REPORT_COL_ADULTS18',
  'LEAD_REPORT_COL_SHARE18',
  'LEAD_REPORT_COL_CONSENT',
  'LEAD_REPORT_COL_EID',
  'LEAD_REPORT_COL_EID_ACCOUNTS',
  'LEAD_REPORT_COL_DOSSIERS',
  'LEAD_REPORT_COL_FILED',
  'LEAD_REPORT_COL_WAITING',
  'LEAD_REPORT_COL_OLDEST',
] as const;

export function areaName(lang: Lang, row: AreaRow): string {
  if (row.level === 'total') return t(lang, 'LEAD_REPORT_TOTAL');
  if (row.level === 'commune') return row.communeName ?? row.communeCode ?? t(lang, 'LEAD_REPORT_NO_COMMUNE');
  return `  ${row.hamlet ?? t(lang, 'LEAD_REPORT_NO_HAMLET')}`;
}

/** One area's cells, formatted for people in their language. */
export function areaCells(lang: Lang, row: AreaRow, now: string): string[] {
  const f = row.figures;
  const n = (value: number): string => formatCount(lang, value);
  const oldest = ageInDays(f.oldestWaitingAt, now);
  return [
    areaName(lang, row),
    n(f.residents),
    n(f.adults14),
    n(f.adults14WithCccd),
    formatShare(lang, share(f.adults14WithCccd, f.adults14)),
    n(f.adults18),
    formatShare(lang, share(f.adults18WithCccd, f.adults18)),
    formatShare(lang, share(f.withConsent, f.residents)),
    n(f.eidApplications),
    n(f.eidAccounts),
    n(f.dossiers),
    n(f.dossiersFiled),
    n(f.waiting),
    oldest === null ? '—' : n(oldest),
  ];
}

/** The province's own terms, one sentence each (the 2022 figures of Cà Mau's Administrative Procedures Centre). */
export function headlines(lang: Lang, report: Report, now: string): string[] {
  const f = report.totals;
  const oldest = ageInDays(f.oldestWaitingAt, now);
  return [
    t(lang, 'LEAD_REPORT_HEAD_CCCD', {
      share: formatShare(lang, share(f.adults14WithCccd, f.adults14)),
      count: formatCount(lang, f.adults14WithCccd),
      adults: formatCount(lang, f.adults14),
      share18: formatShare(lang, share(f.adults18WithCccd, f.adults18)),
    }),
    t(lang, 'LEAD_REPORT_HEAD_EID', { accounts: formatCount(lang, f.eidAccounts), applications: formatCount(lang, f.eidApplications) }),
    t(lang, 'LEAD_REPORT_HEAD_DOSSIERS', { filed: formatCount(lang, f.dossiersFiled), dossiers: formatCount(lang, f.dossiers) }),
    t(lang, 'LEAD_REPORT_HEAD_RESIDENTS', {
      residents: formatCount(lang, f.residents),
      consent: formatShare(lang, share(f.withConsent, f.residents)),
    }),
    oldest === null
      ? t(lang, 'LEAD_REPORT_HEAD_NOTHING_WAITING')
      : t(lang, 'LEAD_REPORT_HEAD_WAITING', { waiting: formatCount(lang, f.waiting), days: formatCount(lang, oldest) }),
  ];
}
