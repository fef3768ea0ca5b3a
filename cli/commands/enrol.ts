import type { Command } from 'commander';
import { t } from '../i18n/index.ts';
import { EXIT } from '../program/exit-codes.ts';
import { isoNow, parseServerUrl, workspaceFlag } from '../program/command-options.ts';
import { requireConfig, writeConfig } from '../workspace/config.ts';
import { enrolError, enrolLaptop } from '../upstream/enrol-laptop.ts';
import { withWorkspace } from '../workspace/workspace-db.ts';
import { writeJson } from '../output/json.ts';
import { runAction, type Register } from '../program/program.ts';
import { UserError } from '../program/user-error.ts';

interface EnrolFlags {
  readonly server?: string;
  readonly code: string;
  readonly json?: boolean;
}

export const registerEnrolCommand: Register = (program, ctx, exit) => {
  program
    .command('enrol')
    .description(t(ctx.lang, 'LEAD_HELP_ENROL'))
    .option('--server <url>', t(ctx.lang, 'LEAD_HELP_FLAG_SERVER'))
    .requiredOption('--code <code>', t(ctx.lang, 'LEAD_HELP_FLAG_CODE'))
    .option('--json', t(ctx.lang, 'LEAD_HELP_FLAG_JSON'))
    .addHelpText('after', t(ctx.lang, 'LEAD_HELP_ENROL_EXAMPLE'))
    .action(
      runAction(exit, async (flags: EnrolFlags, command: Command) =>
        withWorkspace({ workspace: workspaceFlag(command), env: ctx.env }, async ({ dir, db }) => {
          const config = requireConfig(db, dir);
          const serverText = flags.server ?? config.upstream;
          if (serverText === undefined) throw new UserError('LEAD_SERVER_REQUIRED');
          const server = parseServerUrl('--server', serverText);
          // The database stays open but holds no transaction across the request.
          const result = await enrolLaptop(server, { code: flags.code.trim(), deviceName: `langso CLI — ${config.team}` });
          if (!result.ok) throw enrolError(ctx.lang, server.href, result);
          const { deviceId, token, teamId, teamName } = result.value;
          writeConfig(db, {
            ...config,
            upstream: config.upstream ?? server.href,
            enrolment: {
              server: server.href,
              deviceId,
              token,
              teamId,
              ...(teamName === undefined ? {} : { teamName }),
              enrolledAt: isoNow(),
            },
          });
          // The token is a secret: it stays in the owner-only database, never on screen.
          if (flags.json) writeJson(ctx.stdout, { server: server.href, deviceId, teamId, teamName: teamName ?? null });
          else ctx.stdout.write(`${t(ctx.lang, 'LEAD_ENROL_DONE', { server: server.href, deviceId, team: teamName ?? teamId })}\n`);
          return EXIT.ok;
        }),
      ),
    );
};
