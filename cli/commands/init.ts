import type { Command } from 'commander';
import { findCommune } from '../../shared/catalog/communes.ts';
import { t } from '../../shared/i18n/index.ts';
import { EXIT } from '../exit-codes.ts';
import { isoNow, parseServerUrl, workspaceFlag } from '../lead/command-options.ts';
import { checkTeamCommune, initWorkspace } from '../lead/init-workspace.ts';
import { withWorkspace } from '../lead/workspace-db.ts';
import { writeJson } from '../output/json.ts';
import { runAction, type Register } from '../program.ts';

interface InitFlags {
  readonly team: string;
  readonly commune: string;
  readonly upstream?: string;
  readonly force?: boolean;
  readonly json?: boolean;
}

export const registerInitCommand: Register = (program, ctx, exit) => {
  program
    .command('init')
    .description(t(ctx.lang, 'LEAD_HELP_INIT'))
    .requiredOption('--team <name>', t(ctx.lang, 'LEAD_HELP_FLAG_TEAM'))
    .requiredOption('--commune <code>', t(ctx.lang, 'LEAD_HELP_FLAG_COMMUNE'))
    .option('--upstream <url>', t(ctx.lang, 'LEAD_HELP_FLAG_UPSTREAM'))
    .option('--force', t(ctx.lang, 'LEAD_HELP_FLAG_FORCE'))
    .option('--json', t(ctx.lang, 'LEAD_HELP_FLAG_JSON'))
    .addHelpText('after', t(ctx.lang, 'LEAD_HELP_INIT_EXAMPLE'))
    .action(
      runAction(exit, async (flags: InitFlags, command: Command) => {
        // Checked before the workspace is touched: a typo creates nothing.
        const communeCode = checkTeamCommune(flags.commune);
        const upstream = flags.upstream === undefined ? undefined : parseServerUrl('--upstream', flags.upstream).href;
        return withWorkspace({ workspace: workspaceFlag(command), env: ctx.env, create: true }, ({ dir, db }) => {
          const config = initWorkspace(
            db,
            { team: flags.team, communeCode, upstream, force: Boolean(flags.force), at: isoNow() },
            dir,
          );
          const commune = findCommune(config.communeCode);
          if (flags.json) {
            writeJson(ctx.stdout, {
              workspace: dir,
              team: config.team,
              communeCode: config.communeCode,
              communeName: commune?.fullName ?? null,
              upstream: config.upstream ?? null,
            });
          } else {
            ctx.stdout.write(
              `${t(ctx.lang, 'LEAD_INIT_DONE', { team: config.team, commune: commune?.fullName ?? config.communeCode, path: dir })}\n`,
            );
          }
          return EXIT.ok;
        });
      }),
    );
};
