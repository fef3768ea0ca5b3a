import { t, wordFor, type Lang } from '../i18n/index.ts';
import { formatCount } from '../output/numbers.ts';
import { renderTable } from '../output/table.ts';
import type { Report } from './report-model.ts';
import { AREA_COLUMNS, areaCells, areaRows, headlines } from './report-rows.ts';

/** The report as plain text for a terminal: headlines, the area table, then the breakdowns. */
export function renderReportText(lang: Lang, report: Report, now: string): string {
  const parts = [
    `${t(lang, 'LEAD_REPORT_TITLE', { team: report.team, commune: report.communeName ?? report.communeCode, date: report.today })}\n`,
    ...headlines(lang, report, now).map((line) => `• ${line}`),
    '',
    renderTable(
      AREA_COLUMNS.map((code, i) => ({ header: t(lang, code), align: i === 0 ? ('left' as const) : ('right' as const) })),
      areaRows(report).map((row) => areaCells(lang, row, now)),
    ),
  ];
  if (report.eid.length > 0) {
    parts.push(`${t(lang, 'LEAD_REPORT_EID_TITLE')}\n`);
    parts.push(
      renderTable(
        [{ header: t(lang, 'LEAD_REPORT_COL_LEVEL') }, { header: t(lang, 'LEAD_REPORT_COL_STATUS') }, { header: t(lang, 'LEAD_REPORT_COL_COUNT'), align: 'right' }],
        report.eid.map((e) => [t(lang, 'LEAD_REPORT_LEVEL', { level: e.level ?? '?' }), wordFor(lang, 'LEAD_STATUS', e.status), formatCount(lang, e.count)]),
      ),
    );
  }
  if (report.dossiers.length > 0) {
    parts.push(`${t(lang, 'LEAD_REPORT_DOSSIER_TITLE')}\n`);
    parts.push(
      renderTable(
        [{ header: t(lang, 'LEAD_REPORT_COL_PROCEDURE') }, { header: t(lang, 'LEAD_REPORT_COL_STATUS') }, { header: t(lang, 'LEAD_REPORT_COL_COUNT'), align: 'right' }],
        report.dossiers.map((d) => [
          `${d.procedureCode ?? '?'} ${d.procedureName ?? ''}`.trim(),
          wordFor(lang, 'LEAD_STATUS', d.status),
          formatCount(lang, d.count),
        ]),
      ),
    );
  }
  parts.push(t(lang, 'LEAD_REPORT_NOTES'));
  return `${parts.join('\n')}\n`;
}
