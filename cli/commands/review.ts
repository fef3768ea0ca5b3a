import type { Command } from 'commander';
import { t } from '../i18n/index.ts';
import { EXIT } from '../program/exit-codes.ts';
import { isoNow, workspaceFlag } from '../program/command-options.ts';
import { requireConfig } from '../workspace/config.ts';
import { renderRecordCard } from '../review/record-card.ts';
import { runInteractiveReview } from '../review/review-interactive.ts';
import { createReviewItems, pendingCounts, pendingRecords, type PendingCounts } from '../review/review-items.ts';
import { runScriptedReview } from '../review/review-scripted.ts';
import { withWorkspace } from '../workspace/workspace-db.ts';
import { writeJson } from '../output/json.ts';
import { runAction, type Register } from '../program/program.ts';
import type { CliContext } from '../program/context.ts';
import { UserError } from '../program/user-error.ts';

interface ReviewFlags {
  readonly list?: boolean;
  readonly json?: boolean;
  readonly approveAllValid?: boolean;
  readonly approve?: string[];
  readonly reject?: string;
  readonly reason?: string;
}

export const registerReviewCommand: Register = (program, ctx, exit) => {
  program
    .command('review')
    .description(t(ctx.lang, 'LEAD_HELP_REVIEW'))
    .option('--list', t(ctx.lang, 'LEAD_HELP_FLAG_LIST'))
    .option('--json', t(ctx.lang, 'LEAD_HELP_FLAG_JSON'))
    .option('--approve-all-valid', t(ctx.lang, 'LEAD_HELP_FLAG_APPROVE_ALL'))
    .option('--approve <id...>', t(ctx.lang, 'LEAD_HELP_FLAG_APPROVE'))
    .option('--reject <id>', t(ctx.lang, 'LEAD_HELP_FLAG_REJECT'))
    .option('--reason <text>', t(ctx.lang, 'LEAD_HELP_FLAG_REASON'))
    .addHelpText('after', t(ctx.lang, 'LEAD_HELP_REVIEW_EXAMPLE'))
    .action(
      runAction(exit, async (flags: ReviewFlags, command: Command) => {
        const scripted = Boolean(flags.approveAllValid) || (flags.approve?.length ?? 0) > 0 || flags.reject !== undefined;
        if (flags.reject !== undefined && (flags.reason === undefined || flags.reason.trim() === '')) {
          throw new UserError('LEAD_REASON_REQUIRED');
        }
        if (flags.reason !== undefined && flags.reject === undefined) throw new UserError('LEAD_REASON_WITHOUT_REJECT');
        if (flags.list && scripted) throw new UserError('LEAD_REVIEW_LIST_AND_ACT');
        if (!flags.list && !scripted && flags.json) throw new UserError('LEAD_REVIEW_JSON_NEEDS_LIST');
        if (!flags.list && !scripted && !process.stdin.isTTY) throw new UserError('LEAD_REVIEW_NEEDS_TTY');

        return withWorkspace({ workspace: workspaceFlag(command), env: ctx.env }, async ({ dir, db }) => {
          requireConfig(db, dir);
          if (flags.list) {
            const itemOf = createReviewItems(db, ctx.lang);
            const items = pendingRecords(db).map(itemOf);
            const counts = pendingCounts(db);
            if (flags.json) writeJson(ctx.stdout, { pending: counts, records: items });
            else {
              for (const item of items) ctx.stdout.write(`${renderRecordCard(ctx.lang, item, ctx.color)}\n`);
              ctx.stdout.write(`${pendingLine(ctx, counts)}\n`);
            }
            return EXIT.ok;
          }
          if (scripted) {
            const reject = flags.reject === undefined ? undefined : { id: flags.reject, reason: (flags.reason ?? '').trim() };
            const result = runScriptedReview(
              db,
              { approveAllValid: Boolean(flags.approveAllValid), approve: flags.approve ?? [], reject },
              isoNow,
            );
            const refused = result.refused.map((r) => ({ id: r.params.id, code: r.code, message: t(ctx.lang, r.code, r.params) }));
            if (flags.json) writeJson(ctx.stdout, { ...result, refused });
            else {
              const out = ctx.stdout;
              out.write(`${t(ctx.lang, 'LEAD_REVIEW_DONE', { approved: result.approved.length, rejected: result.rejected.length })}\n`);
              for (const r of refused) ctx.stderr.write(`${r.message}\n`);
              if (result.noConsent > 0) out.write(`${t(ctx.lang, 'LEAD_REVIEW_NO_CONSENT', { count: result.noConsent })}\n`);
              out.write(`${pendingLine(ctx, result.left)}\n`);
            }
            return refused.length > 0 ? EXIT.problems : EXIT.ok;
          }
          const result = await runInteractiveReview(
            db,
            { input: process.stdin, output: ctx.stdout, lang: ctx.lang, color: ctx.color },
            isoNow,
          );
          ctx.stdout.write(`\n${t(ctx.lang, 'LEAD_REVIEW_SESSION', { approved: result.approved, rejected: result.rejected, skipped: result.skipped })}\n${pendingLine(ctx, pendingCounts(db))}\n`);
          return EXIT.ok;
        });
      }),
    );
};

function pendingLine(ctx: CliContext, counts: PendingCounts): string {
  return counts.pending === 0 ? t(ctx.lang, 'LEAD_PENDING_NONE') : t(ctx.lang, 'LEAD_PENDING', { ...counts });
}
