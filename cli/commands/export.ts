import type { Command } from 'commander';
import { t } from '../i18n/index.ts';
import { EXIT } from '../program/exit-codes.ts';
import { isoNow, parseChoice, workspaceFlag } from '../program/command-options.ts';
import { requireConfig } from '../workspace/config.ts';
import { exportCsv, exportJson } from '../report/export-format.ts';
import { exportRows, parseExportFilters, type ExportFlags } from '../report/export-query.ts';
import { withWorkspace } from '../workspace/workspace-db.ts';
import { writeFileAtomic } from '../output/write-file.ts';
import { runAction, type Register } from '../program/program.ts';

const FORMATS = ['csv', 'json'] as const;

interface Flags extends ExportFlags {
  readonly format?: string;
  readonly json?: boolean;
  readonly out?: string;
}

export const registerExportCommand: Register = (program, ctx, exit) => {
  program
    .command('export')
    .description(t(ctx.lang, 'LEAD_HELP_EXPORT'))
    .option('--format <format>', t(ctx.lang, 'LEAD_HELP_FLAG_EXPORT_FORMAT'))
    .option('--json', t(ctx.lang, 'LEAD_HELP_FLAG_JSON'))
    .option('--hamlet <name>', t(ctx.lang, 'LEAD_HELP_FLAG_HAMLET'))
    .option('--status <status>', t(ctx.lang, 'LEAD_HELP_FLAG_STATUS'))
    .option('--type <type>', t(ctx.lang, 'LEAD_HELP_FLAG_TYPE'))
    .option('--from <date>', t(ctx.lang, 'LEAD_HELP_FLAG_FROM'))
    .option('--to <date>', t(ctx.lang, 'LEAD_HELP_FLAG_TO'))
    .option('--out <file>', t(ctx.lang, 'LEAD_HELP_FLAG_OUT'))
    .addHelpText('after', t(ctx.lang, 'LEAD_HELP_EXPORT_EXAMPLE'))
    .action(
      runAction(exit, async (flags: Flags, command: Command) => {
        const format = flags.json ? 'json' : parseChoice('--format', flags.format ?? 'csv', FORMATS);
        const filters = parseExportFilters(flags);
        return withWorkspace({ workspace: workspaceFlag(command), env: ctx.env }, ({ dir, db }) => {
          const config = requireConfig(db, dir);
          const rows = exportRows(db, filters);
          const { text, count } =
            format === 'csv'
              ? exportCsv(rows)
              : exportJson(rows, { team: config.team, communeCode: config.communeCode, exportedAt: isoNow(), filters });
          if (flags.out === undefined) ctx.stdout.write(text);
          else writeFileAtomic(flags.out, text);
          ctx.stderr.write(`${t(ctx.lang, 'LEAD_EXPORT_DONE', { count, path: flags.out ?? '-' })}\n`);
          return EXIT.ok;
        });
      }),
    );
};
