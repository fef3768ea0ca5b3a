import type { Command } from 'commander';
import { t } from '../i18n/index.ts';
import { workspaceFlag } from '../lead/command-options.ts';
import { withWorkspace } from '../lead/workspace-db.ts';
import { runAction, type Register } from '../program.ts';
import { runSync } from '../sync/run-sync.ts';

/** `langso sync`: approved records upstream (issue #5 item 4). */
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
