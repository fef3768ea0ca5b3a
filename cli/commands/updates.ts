import type { Command } from 'commander';
import { t } from '../i18n/index.ts';
import { workspaceFlag } from '../program/command-options.ts';
import { withWorkspace } from '../workspace/workspace-db.ts';
import { runAction, type Register } from '../program/program.ts';
import { runUpdates } from '../upstream/run-updates.ts';

/** `langso updates`: the province's decisions back into the workspace and the hub. */
export const registerUpdatesCommand: Register = (program, ctx, exit) => {
  program
    .command('updates')
    .description(t(ctx.lang, 'UPDATES_CLI_HELP'))
    .option('--json', t(ctx.lang, 'LEAD_HELP_FLAG_JSON'))
    .addHelpText('after', t(ctx.lang, 'UPDATES_CLI_HELP_EXAMPLE'))
    .action(
      runAction(exit, (flags: { readonly json?: boolean }, command: Command) =>
        withWorkspace({ workspace: workspaceFlag(command), env: ctx.env }, (workspace) => runUpdates(ctx, workspace, flags.json === true)),
      ),
    );
};
