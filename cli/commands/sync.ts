import type { Command } from 'commander';
import { t } from '../i18n/index.ts';
import { workspaceFlag } from '../program/command-options.ts';
import { withWorkspace } from '../workspace/workspace-db.ts';
import { runAction, type Register } from '../program/program.ts';
import { runSync } from '../upstream/run-sync.ts';

/** `langso sync`: approved records upstream. */
export const registerSyncCommand: Register = (program, ctx, exit) => {
  program
    .command('sync')
    .description(t(ctx.lang, 'SYNC_CLI_HELP'))
    .option('--json', t(ctx.lang, 'LEAD_HELP_FLAG_JSON'))
    .addHelpText('after', t(ctx.lang, 'SYNC_CLI_HELP_EXAMPLE'))
    .action(
      runAction(exit, (flags: { readonly json?: boolean }, command: Command) =>
        withWorkspace({ workspace: workspaceFlag(command), env: ctx.env }, (workspace) => runSync(ctx, workspace, flags.json === true)),
      ),
    );
};
