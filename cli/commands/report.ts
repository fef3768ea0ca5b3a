import type { Command } from 'commander';
import { t } from '../i18n/index.ts';
import { todayInHoChiMinh } from '../../shared/validate/dates.ts';
import { EXIT } from '../program/exit-codes.ts';
import { isoNow, parseChoice, workspaceFlag } from '../program/command-options.ts';
import { requireConfig } from '../workspace/config.ts';
import { computeReport } from '../report/report-compute.ts';
import { renderReportCsv } from '../report/report-csv.ts';
import { renderReportHtml } from '../report/report-html.ts';
import { ageInDays, share, type Report } from '../report/report-model.ts';
import { renderReportText } from '../report/report-text.ts';
import { withWorkspace } from '../workspace/workspace-db.ts';
import { writeFileAtomic } from '../output/write-file.ts';
import { runAction, type Register } from '../program/program.ts';

const FORMATS = ['table', 'csv', 'json', 'html'] as const;

interface ReportFlags {
  readonly format?: string;
  readonly json?: boolean;
  readonly out?: string;
}

export const registerReportCommand: Register = (program, ctx, exit) => {
  program
    .command('report')
    .description(t(ctx.lang, 'LEAD_HELP_REPORT'))
    .option('--format <format>', t(ctx.lang, 'LEAD_HELP_FLAG_REPORT_FORMAT'))
    .option('--json', t(ctx.lang, 'LEAD_HELP_FLAG_JSON'))
    .option('--out <file>', t(ctx.lang, 'LEAD_HELP_FLAG_OUT'))
    .addHelpText('after', t(ctx.lang, 'LEAD_HELP_REPORT_EXAMPLE'))
    .action(
      runAction(exit, async (flags: ReportFlags, command: Command) => {
        const format = flags.json ? 'json' : parseChoice('--format', flags.format ?? 'table', FORMATS);
        return withWorkspace({ workspace: workspaceFlag(command), env: ctx.env }, ({ dir, db }) => {
          const config = requireConfig(db, dir);
          const now = isoNow();
          const report = computeReport(db, config, todayInHoChiMinh(new Date(now)), now);
          const text =
            format === 'json'
              ? `${JSON.stringify(withShares(report, now), null, 2)}\n`
              : format === 'csv'
                ? renderReportCsv(report, now)
                : format === 'html'
                  ? renderReportHtml(ctx.lang, report, now)
                  : renderReportText(ctx.lang, report, now);
          if (flags.out === undefined) ctx.stdout.write(text);
          else {
            writeFileAtomic(flags.out, text);
            ctx.stderr.write(`${t(ctx.lang, 'LEAD_REPORT_WRITTEN', { path: flags.out })}\n`);
          }
          return EXIT.ok;
        });
      }),
    );
};

/** The JSON report carries the province's headline shares ready-made, beside the raw counts. */
function withShares(report: Report, now: string): unknown {
  const f = report.totals;
  return {
    ...report,
    headline: {
      adults14WithCccdShare: share(f.adults14WithCccd, f.adults14),
      adults18WithCccdShare: share(f.adults18WithCccd, f.adults18),
      eidAccounts: f.eidAccounts,
      dossiersFiled: f.dossiersFiled,
      consentShare: share(f.withConsent, f.residents),
      waiting: f.waiting,
      oldestWaitingDays: ageInDays(f.oldestWaitingAt, now),
    },
  };
}
