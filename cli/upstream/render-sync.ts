import { t, wordFor, type Lang } from '../i18n/index.ts';
import { EXIT } from '../program/exit-codes.ts';
import { paint } from '../output/color.ts';
import type { QuarantinedRecord, SyncSummary } from './sync-summary.ts';

/** Records listed under each reason in the text summary; `--json` lists them all. */
const LISTED_PER_REASON = 10;

/** The summary a lead reads after `langso sync`: what went, what is left and why, what to do. */
export function renderSyncText(lang: Lang, summary: SyncSummary, color: boolean): string {
  const { report, outcome } = summary;
  const lines: string[] = [];
  if (report.sent === 0 && report.remaining === 0 && report.quarantinedTotal === 0) lines.push(t(lang, 'SYNC_CLI_NOTHING'));
  else lines.push(t(lang, 'SYNC_CLI_SENT', { sent: report.sent, accepted: report.accepted, duplicate: report.duplicate, quarantined: report.quarantined }));

  const quarantinedCount = summary.quarantined.reduce((sum, group) => sum + group.records.length, 0);
  if (quarantinedCount > 0) {
    lines.push('', t(lang, 'SYNC_CLI_QUARANTINED_HEADER', { count: quarantinedCount }));
    for (const group of summary.quarantined) {
      lines.push(`  ${paint(color, 'yellow', t(lang, 'SYNC_CLI_REASON', { code: group.code, count: group.records.length, message: group.text }))}`);
      // The server's words per record only when they differ (which field, which rev).
      const first = group.records[0]?.message ?? null;
      const varied = group.records.some((record) => record.message !== first);
      for (const record of group.records.slice(0, LISTED_PER_REASON)) lines.push(`    ${recordLine(lang, record, varied)}`);
      const more = group.records.length - LISTED_PER_REASON;
      if (more > 0) lines.push(`    ${t(lang, 'SYNC_CLI_MORE', { count: more })}`);
    }
  }
  for (const group of summary.deferred) {
    lines.push(t(lang, 'SYNC_CLI_DEFERRED', { count: group.records.length, code: group.code, message: group.text }));
  }
  if (report.clockSkewMs !== undefined) lines.push(t(lang, 'SYNC_CLI_CLOCK', { minutes: Math.round(report.clockSkewMs / 60_000) }));
  if (summary.catalog.status === 'updated') lines.push(t(lang, 'SYNC_CLI_CATALOG_UPDATED'));
  if (summary.catalog.status === 'failed') lines.push(t(lang, 'SYNC_CLI_CATALOG_FAILED', { reason: summary.catalog.reason }));

  lines.push('', paint(color, outcome.exitCode === EXIT.ok ? 'green' : 'red', t(lang, outcome.code, outcome.params)));
  if (report.retryAfterMs !== undefined) lines.push(t(lang, 'SYNC_CLI_RETRY_AFTER', { minutes: Math.ceil(report.retryAfterMs / 60_000) }));
  if (report.accepted + report.duplicate > 0) lines.push(t(lang, 'SYNC_CLI_UPDATES_HINT'));
  return `${lines.join('\n')}\n`;
}

function recordLine(lang: Lang, record: QuarantinedRecord, withMessage: boolean): string {
  const parts = [record.id, wordFor(lang, 'LEAD_TYPE', record.type)];
  if (record.name !== null) parts.push(record.name);
  if (record.cccd !== null) parts.push(record.cccd);
  if (withMessage && record.message !== null) parts.push(`(${record.message})`);
  return parts.join('  ');
}

/** `langso sync --json`: one document with the run's figures and every record left, by reason. */
export function syncJson(lang: Lang, summary: SyncSummary): unknown {
  const { report, outcome } = summary;
  return {
    server: summary.server,
    status: report.status,
    exitCode: outcome.exitCode,
    message: t(lang, outcome.code, outcome.params),
    sent: report.sent,
    accepted: report.accepted,
    duplicate: report.duplicate,
    quarantined: report.quarantined,
    remaining: report.remaining,
    quarantinedTotal: report.quarantinedTotal,
    problem: report.problem ?? null,
    retryAfterMs: report.retryAfterMs ?? null,
    clockOffsetMs: report.clockOffsetMs ?? null,
    clockSkewMs: report.clockSkewMs ?? null,
    quarantinedByReason: summary.quarantined.map((group) => ({
      code: group.code,
      message: group.text,
      count: group.records.length,
      records: group.records,
    })),
    deferred: summary.deferred.map((group) => ({ code: group.code, message: group.text, count: group.records.length, records: group.records })),
    catalog: summary.catalog,
  };
}
