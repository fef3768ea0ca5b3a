import { t, wordFor, type Lang } from '../i18n/index.ts';
import { findCommune } from '../../shared/catalog/communes.ts';
import { escapeHtml, htmlTable } from '../output/html.ts';
import { formatVietnamTime } from '../output/time.ts';
import { formatCount, formatShare } from '../output/numbers.ts';
import { svgBarChart, type Bar } from '../output/svg-bars.ts';
import { share, type Report, type StatusCount } from './report-model.ts';
import { AREA_COLUMNS, areaCells, areaRows, headlines } from './report-rows.ts';

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;padding:16px;color:#1d2733;background:#fff;line-height:1.4}
h1{font-size:1.3rem;margin:0 0 4px}h2{font-size:1.05rem;margin:24px 0 8px;border-bottom:2px solid #0b6e4f;padding-bottom:2px}
.sub{color:#5a6776;margin:0 0 16px}.cards{display:flex;flex-wrap:wrap;gap:8px}
.card{flex:1 1 200px;border:1px solid #d5dce3;border-radius:8px;padding:10px 12px;background:#f7faf9}
.card b{display:block;font-size:1.5rem;color:#0b6e4f}.wrap{overflow-x:auto}
table{border-collapse:collapse;font-size:.85rem;min-width:100%}th,td{padding:4px 6px;border-bottom:1px solid #e3e8ed;text-align:left;white-space:nowrap}
th{background:#f0f4f7}td.n,th.n{text-align:right}tr.total td{font-weight:700;background:#e8f3ee}tr.commune td{font-weight:600;background:#f5f8fa}tr.hamlet td:first-child{padding-left:18px}
.legend span{display:inline-block;margin-right:12px;font-size:.8rem}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
footer{margin-top:24px;color:#5a6776;font-size:.8rem}svg text{fill:#1d2733}
@media print{body{padding:0}.card{break-inside:avoid}}`;

const STATUS_COLORS: Readonly<Record<string, string>> = {
  draft: '#b8c2cc',
  ready: '#8fa6bd',
  queued: '#f2c14e',
  sent: '#f29e4c',
  received: '#5aa9e6',
  needs_fix: '#e4572e',
  scheduled: '#7f7eff',
  approved: '#3cb371',
  activated: '#0b6e4f',
  rejected: '#a4243b',
};

function statusChart(lang: Lang, title: string, groups: readonly { label: string; counts: readonly StatusCount[] }[]): string {
  const max = Math.max(1, ...groups.map((g) => g.counts.reduce((sum, c) => sum + c.count, 0)));
  const bars: Bar[] = groups.map((g) => ({
    label: g.label,
    segments: g.counts.map((c) => ({
      value: c.count,
      color: STATUS_COLORS[c.status] ?? '#999',
      title: `${wordFor(lang, 'LEAD_STATUS', c.status)}: ${formatCount(lang, c.count)}`,
    })),
    note: formatCount(lang, g.counts.reduce((sum, c) => sum + c.count, 0)),
  }));
  const used = [...new Set(groups.flatMap((g) => g.counts.map((c) => c.status)))];
  const legend = used
    .map((s) => `<span><i style="background:${STATUS_COLORS[s] ?? '#999'}"></i>${escapeHtml(wordFor(lang, 'LEAD_STATUS', s))}</span>`)
    .join('');
  return `${svgBarChart(bars, { title, max })}\n<div class="legend">${legend}</div>`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): { label: string; items: T[] }[] {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return [...map].map(([label, list]) => ({ label, items: list }));
}

/**
 * The report as one self-contained HTML page (inline CSS, inline SVG, no script, nothing fetched)
 * that a lead can send over Zalo and that opens the same on any phone, offline.
 */
export function renderReportHtml(lang: Lang, report: Report, now: string): string {
  const f = report.totals;
  const place = report.communeName ?? report.communeCode;
  const title = t(lang, 'LEAD_REPORT_TITLE', { team: report.team, commune: place, date: report.today });
  const cards = [
    [formatShare(lang, share(f.adults14WithCccd, f.adults14)), t(lang, 'LEAD_REPORT_CARD_CCCD')],
    [formatCount(lang, f.eidAccounts), t(lang, 'LEAD_REPORT_CARD_EID')],
    [formatCount(lang, f.dossiersFiled), t(lang, 'LEAD_REPORT_CARD_DOSSIERS')],
    [formatCount(lang, f.residents), t(lang, 'LEAD_REPORT_CARD_RESIDENTS')],
    [formatShare(lang, share(f.withConsent, f.residents)), t(lang, 'LEAD_REPORT_CARD_CONSENT')],
    [formatCount(lang, f.waiting), t(lang, 'LEAD_REPORT_CARD_WAITING')],
  ]
    .map(([value, label]) => `<div class="card"><b>${escapeHtml(value ?? '')}</b>${escapeHtml(label ?? '')}</div>`)
    .join('\n');

  const rows = areaRows(report);
  // A team usually works in one commune; when it spans several, "Ấp 1" needs its commune beside it.
  const manyCommunes = report.communes.length > 1;
  const hamletBars: Bar[] = rows
    .filter((r) => r.level === 'hamlet')
    .map((r) => {
      const value = share(r.figures.adults14WithCccd, r.figures.adults14);
      const hamlet = r.hamlet ?? t(lang, 'LEAD_REPORT_NO_HAMLET');
      const commune = r.communeCode === null ? undefined : findCommune(r.communeCode)?.name;
      return {
        label: manyCommunes && commune !== undefined ? `${hamlet} — ${commune}` : hamlet,
        segments: [{ value: value ?? 0, color: '#0b6e4f', title: formatShare(lang, value) }],
        note: formatShare(lang, value),
      };
    });
  const table = htmlTable(
    AREA_COLUMNS.map((code) => t(lang, code)),
    rows.map((row) => areaCells(lang, row, now).map((cell) => escapeHtml(cell.trim()))),
    { numericFrom: 1, rowClass: (i) => rows[i]?.level },
  );

  const sections = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="sub">${escapeHtml(t(lang, 'LEAD_REPORT_GENERATED', { at: formatVietnamTime(report.generatedAt) }))}</p>`,
    `<div class="cards">\n${cards}\n</div>`,
    `<ul>${headlines(lang, report, now).map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
  ];
  if (hamletBars.length > 0) {
    const chartTitle = t(lang, 'LEAD_REPORT_CHART_CCCD');
    sections.push(`<h2>${escapeHtml(chartTitle)}</h2>`, svgBarChart(hamletBars, { title: chartTitle, max: 1 }));
  }
  sections.push(`<h2>${escapeHtml(t(lang, 'LEAD_REPORT_AREAS_TITLE'))}</h2>`, `<div class="wrap">${table}</div>`);
  if (report.eid.length > 0) {
    const groups = groupBy(report.eid, (e) => t(lang, 'LEAD_REPORT_LEVEL', { level: e.level ?? '?' }));
    const chartTitle = t(lang, 'LEAD_REPORT_EID_TITLE');
    sections.push(`<h2>${escapeHtml(chartTitle)}</h2>`, statusChart(lang, chartTitle, groups.map((g) => ({ label: g.label, counts: g.items }))));
  }
  if (report.dossiers.length > 0) {
    const groups = groupBy(report.dossiers, (d) => d.procedureCode ?? '?');
    const chartTitle = t(lang, 'LEAD_REPORT_DOSSIER_TITLE');
    const names = htmlTable(
      [t(lang, 'LEAD_REPORT_COL_PROCEDURE'), t(lang, 'LEAD_REPORT_COL_STATUS'), t(lang, 'LEAD_REPORT_COL_COUNT')],
      report.dossiers.map((d) => [
        escapeHtml(`${d.procedureCode ?? '?'} ${d.procedureName ?? ''}`.trim()),
        escapeHtml(wordFor(lang, 'LEAD_STATUS', d.status)),
        escapeHtml(formatCount(lang, d.count)),
      ]),
      { numericFrom: 2 },
    );
    sections.push(
      `<h2>${escapeHtml(chartTitle)}</h2>`,
      statusChart(lang, chartTitle, groups.map((g) => ({ label: g.label, counts: g.items }))),
      `<div class="wrap">${names}</div>`,
    );
  }
  sections.push(`<footer>${escapeHtml(t(lang, 'LEAD_REPORT_NOTES'))}</footer>`);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${sections.join('\n')}
</body>
</html>
`;
}
