import { t, wordFor, type Lang } from '../i18n/index.ts';
import { EXIT } from '../program/exit-codes.ts';
import { paint, type Style } from '../output/color.ts';
import type { DecisionChange, UpdatesSummary } from './updates-summary.ts';

const STATUS_STYLE: Readonly<Record<string, Style>> = {
  approved: 'green',
  activated: 'green',
  scheduled: 'cyan',
  needs_fix: 'yellow',
  rejected: 'red',
};

/**
 * What the province decided, record by record, where each one stands now. Records that were
 * only received (residents and households are never decided) are counted, not listed.
 */
export function renderUpdatesText(lang: Lang, summary: UpdatesSummary, color: boolean): string {
  const lines: string[] = [];
  const { latest, outcome } = summary;
  if (summary.changes.length > 0) {
    lines.push(t(lang, 'UPDATES_CLI_RECEIVED', { count: summary.changes.length, records: latest.length }));
    for (const [status, count] of countByStatus(latest)) {
      lines.push(t(lang, 'UPDATES_CLI_COUNT', { status: wordFor(lang, 'LEAD_STATUS', status), count }));
    }
    const decided = latest.filter((change) => change.status !== 'received');
    if (decided.length > 0) lines.push('');
    for (const change of decided) lines.push(`  ${decisionLine(lang, change, color)}`);
    const received = latest.length - decided.length;
    if (received > 0) lines.push('', t(lang, 'UPDATES_CLI_RECEIVED_ONLY', { count: received }));
  }
  if (summary.relayed > 0) lines.push(t(lang, 'UPDATES_CLI_RELAYED', { count: summary.relayed }));
  if (outcome.exitCode !== EXIT.ok) lines.push('', paint(color, 'red', t(lang, outcome.code, outcome.params)));
  else if (summary.changes.length === 0) lines.push(t(lang, outcome.code, outcome.params));
  return `${lines.join('\n')}\n`;
}

function decisionLine(lang: Lang, change: DecisionChange, color: boolean): string {
  const status = wordFor(lang, 'LEAD_STATUS', change.status);
  const parts = [change.id, wordFor(lang, 'LEAD_TYPE', change.type)];
  if (change.name !== null) parts.push(change.name);
  if (change.cccd !== null) parts.push(change.cccd);
  parts.push(`→ ${paint(color, STATUS_STYLE[change.status] ?? 'bold', status)}`);
  if (change.serverRef !== null) parts.push(change.serverRef);
  if (change.reason !== null) parts.push(`— ${change.reason}`);
  return parts.join('  ');
}

function countByStatus(changes: readonly DecisionChange[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const change of changes) counts.set(change.status, (counts.get(change.status) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** `langso updates --json`: every update that arrived, and where each record stands now. */
export function updatesJson(lang: Lang, summary: UpdatesSummary): unknown {
  const { report, outcome } = summary;
  return {
    server: summary.server,
    status: report.status,
    exitCode: outcome.exitCode,
    message:
      outcome.exitCode === EXIT.ok && summary.changes.length > 0
        ? t(lang, 'UPDATES_CLI_RECEIVED', { count: summary.changes.length, records: summary.latest.length })
        : t(lang, outcome.code, outcome.params),
    received: report.received,
    pages: report.pages,
    problem: report.problem ?? null,
    byStatus: Object.fromEntries(countByStatus(summary.latest)),
    records: summary.latest,
    updates: summary.changes,
    relayedToHub: summary.relayed,
  };
}
