import type { Command } from 'commander';
import { findCommune } from '../../shared/catalog/communes.ts';
import { t, wordFor, type CliMessageCode } from '../i18n/index.ts';
import type { CliContext } from '../program/context.ts';
import { EXIT } from '../program/exit-codes.ts';
import { workspaceFlag } from '../program/command-options.ts';
import { requireConfig } from '../workspace/config.ts';
import { findRecordByPrefix } from '../workspace/find-record.ts';
import { renderRecordCard } from '../review/record-card.ts';
import { lifecycleOf, type RecordRow } from '../workspace/record-row.ts';
import { ageInDays } from '../report/report-model.ts';
import { createReviewItems } from '../review/review-items.ts';
import { historyOf, recordsOfHamlet, workspaceSummary } from '../report/status-query.ts';
import { withWorkspace } from '../workspace/workspace-db.ts';
import { writeJson } from '../output/json.ts';
import { renderTable } from '../output/table.ts';
import { formatVietnamTime } from '../output/time.ts';
import { runAction, type Register } from '../program/program.ts';
import { UserError } from '../program/user-error.ts';

interface StatusFlags {
  readonly hamlet?: string;
  readonly json?: boolean;
}

export const registerStatusCommand: Register = (program, ctx, exit) => {
  program
    .command('status')
    .description(t(ctx.lang, 'LEAD_HELP_STATUS'))
    .argument('[id]', t(ctx.lang, 'LEAD_HELP_ARG_ID'))
    .option('--hamlet <name>', t(ctx.lang, 'LEAD_HELP_FLAG_HAMLET'))
    .option('--json', t(ctx.lang, 'LEAD_HELP_FLAG_JSON'))
    .addHelpText('after', t(ctx.lang, 'LEAD_HELP_STATUS_EXAMPLE'))
    .action(
      runAction(exit, async (id: string | undefined, flags: StatusFlags, command: Command) => {
        if (id !== undefined && flags.hamlet !== undefined) throw new UserError('LEAD_STATUS_ID_OR_HAMLET');
        return withWorkspace({ workspace: workspaceFlag(command), env: ctx.env }, ({ dir, db }) => {
          const config = requireConfig(db, dir);
          if (id !== undefined) {
            const row = findRecordByPrefix(db, id);
            const item = createReviewItems(db, ctx.lang)(row);
            const history = historyOf(db, row);
            const lifecycle = lifecycleOf(row);
            if (flags.json) {
              writeJson(ctx.stdout, { ...item, lifecycle, province: provinceOf(row), history });
            } else {
              ctx.stdout.write(renderRecordCard(ctx.lang, item, ctx.color));
              ctx.stdout.write(`  ${statesLine(ctx, row)}\n`);
              for (const event of history) {
                const kind = wordFor(ctx.lang, 'LEAD_EVENT', event.kind);
                const rev = event.rev === null ? '' : ` (${t(ctx.lang, 'LEAD_HISTORY_REV', { rev: event.rev })})`;
                ctx.stdout.write(`  ${formatVietnamTime(event.at)}  ${kind}${rev}${event.detail ? `: ${event.detail}` : ''}\n`);
              }
            }
            return EXIT.ok;
          }
          if (flags.hamlet !== undefined) {
            const rows = recordsOfHamlet(db, flags.hamlet);
            if (flags.json) {
              writeJson(ctx.stdout, { hamlet: flags.hamlet, records: rows.map((row) => ({ ...brief(row), province: provinceOf(row) })) });
            } else if (rows.length === 0) {
              ctx.stdout.write(`${t(ctx.lang, 'LEAD_STATUS_HAMLET_EMPTY', { hamlet: flags.hamlet })}\n`);
            } else {
              ctx.stdout.write(hamletTable(ctx, rows));
            }
            return EXIT.ok;
          }
          const summary = workspaceSummary(db);
          const commune = findCommune(config.communeCode);
          if (flags.json) {
            writeJson(ctx.stdout, { team: config.team, communeCode: config.communeCode, ...summary });
            return EXIT.ok;
          }
          ctx.stdout.write(`${t(ctx.lang, 'LEAD_STATUS_TEAM', { team: config.team, commune: commune?.fullName ?? config.communeCode })}\n\n`);
          if (summary.byType.length === 0) {
            ctx.stdout.write(`${t(ctx.lang, 'LEAD_STATUS_EMPTY')}\n`);
            return EXIT.ok;
          }
          const word = (code: CliMessageCode): string => t(ctx.lang, code);
          ctx.stdout.write(
            renderTable(
              [
                { header: word('LEAD_COL_TYPE') },
                ...(['LEAD_COL_TOTAL', 'LEAD_REVIEW_STATE.pending', 'LEAD_REVIEW_STATE.approved', 'LEAD_REVIEW_STATE.rejected',
                  'LEAD_SYNC_STATE.queued', 'LEAD_SYNC_STATE.sent', 'LEAD_SYNC_STATE.quarantined'] as const).map((code) => ({
                  header: word(code),
                  align: 'right' as const,
                })),
              ],
              summary.byType.map((c) => [
                wordFor(ctx.lang, 'LEAD_TYPE', c.type),
                ...[c.total, c.pending, c.approved, c.rejected, c.queued, c.sent, c.quarantined].map(String),
              ]),
            ),
          );
          for (const p of summary.province) {
            ctx.stdout.write(`${t(ctx.lang, 'LEAD_STATUS_PROVINCE', { status: wordFor(ctx.lang, 'LEAD_STATUS', p.status), count: p.count })}\n`);
          }
          if (summary.oldestWaitingAt !== null) {
            const days = ageInDays(summary.oldestWaitingAt, new Date().toISOString()) ?? 0;
            ctx.stdout.write(`${t(ctx.lang, 'LEAD_STATUS_OLDEST', { at: formatVietnamTime(summary.oldestWaitingAt), days })}\n`);
          }
          return EXIT.ok;
        });
      }),
    );
};

function provinceOf(row: RecordRow): { status: string | null; serverRef: string | null; at: string | null } {
  return { status: row.province_status, serverRef: row.server_ref, at: row.province_at };
}

function brief(row: RecordRow): Record<string, unknown> {
  return {
    id: row.id,
    type: row.type,
    rev: row.rev,
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth,
    hamlet: row.hamlet,
    valid: row.valid === 1,
    reviewState: row.review_state,
    syncState: row.sync_state,
    lifecycle: lifecycleOf(row),
  };
}

function statesLine(ctx: CliContext, row: RecordRow): string {
  const parts = [
    `${t(ctx.lang, 'LEAD_COL_REVIEW')}: ${wordFor(ctx.lang, 'LEAD_REVIEW_STATE', row.review_state)}${row.review_reason ? ` (${row.review_reason})` : ''}`,
    `${t(ctx.lang, 'LEAD_COL_SYNC')}: ${wordFor(ctx.lang, 'LEAD_SYNC_STATE', row.sync_state)}`,
  ];
  const status = lifecycleOf(row);
  if (status !== null) parts.push(`${t(ctx.lang, 'LEAD_COL_PROVINCE')}: ${wordFor(ctx.lang, 'LEAD_STATUS', status)}${row.server_ref ? ` — ${row.server_ref}` : ''}`);
  return parts.join(' · ');
}

function hamletTable(ctx: CliContext, rows: readonly RecordRow[]): string {
  const word = (code: CliMessageCode): string => t(ctx.lang, code);
  return renderTable(
    [
      { header: word('LEAD_COL_ID') },
      { header: word('LEAD_COL_NAME') },
      { header: word('LEAD_COL_DOB') },
      { header: word('LEAD_COL_REVIEW') },
      { header: word('LEAD_COL_SYNC') },
      { header: word('LEAD_COL_PROVINCE') },
    ],
    rows.map((row) => {
      const status = lifecycleOf(row);
      return [
        row.id,
        row.full_name ?? '',
        row.date_of_birth ?? '',
        wordFor(ctx.lang, 'LEAD_REVIEW_STATE', row.review_state) + (row.valid === 1 ? '' : ' ✗'),
        wordFor(ctx.lang, 'LEAD_SYNC_STATE', row.sync_state),
        status === null ? '' : `${wordFor(ctx.lang, 'LEAD_STATUS', status)}${row.server_ref ? ` ${row.server_ref}` : ''}`,
      ];
    }),
  );
}
