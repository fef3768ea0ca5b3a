import type { Command } from 'commander';
import { t } from '../i18n/index.ts';
import { shortFingerprint } from '../../shared/seal/jwk.ts';
import { EXIT } from '../program/exit-codes.ts';
import { isoNow, workspaceFlag } from '../program/command-options.ts';
import { requireConfig } from '../workspace/config.ts';
import { readHubTeam } from '../workspace/hub-devices.ts';
import { unlockWorkspaceLeadKeys } from '../keys/lead-keys.ts';
import { readPassphrase } from '../keys/passphrase.ts';
import { exportReceipts } from '../intake/receipts-export.ts';
import { withWorkspace } from '../workspace/workspace-db.ts';
import { writeJson } from '../output/json.ts';
import { runAction, type Register } from '../program/program.ts';

interface ReceiptsExportFlags {
  readonly device: string;
  readonly out: string;
  readonly passphraseFile?: string;
  readonly json?: boolean;
}

/** `langso receipts export`: the return path of `.langso` batch files. */
export const registerReceiptsCommand: Register = (program, ctx, exit) => {
  const receipts = program.command('receipts').description(t(ctx.lang, 'LEAD_HELP_RECEIPTS'));
  receipts
    .command('export')
    .description(t(ctx.lang, 'LEAD_HELP_RECEIPTS_EXPORT'))
    .requiredOption('--device <id>', t(ctx.lang, 'LEAD_HELP_FLAG_DEVICE'))
    .requiredOption('--out <file>', t(ctx.lang, 'LEAD_HELP_FLAG_RECEIPTS_OUT'))
    .option('--passphrase-file <file>', t(ctx.lang, 'LEAD_HELP_FLAG_PASSPHRASE_FILE'))
    .option('--json', t(ctx.lang, 'LEAD_HELP_FLAG_JSON'))
    .addHelpText('after', t(ctx.lang, 'LEAD_HELP_RECEIPTS_EXAMPLE'))
    .action(
      runAction(exit, async (flags: ReceiptsExportFlags, command: Command) =>
        withWorkspace({ workspace: workspaceFlag(command), env: ctx.env }, async ({ dir, db }) => {
          requireConfig(db, dir);
          const deviceId = flags.device.trim();
          const { teamId } = await readHubTeam(dir);
          let signer = '';
          const unlock = async () => {
            const passphrase = await readPassphrase({ file: flags.passphraseFile, env: ctx.env, lang: ctx.lang, create: false, output: ctx.stderr });
            const lead = await unlockWorkspaceLeadKeys(dir, passphrase);
            signer = shortFingerprint(lead.signingKeyId);
            return lead;
          };
          const { count } = await exportReceipts(db, unlock, { deviceId, out: flags.out, teamId, issuedAt: isoNow() });
          if (flags.json) {
            writeJson(ctx.stdout, { file: flags.out, deviceId, teamId, receipts: count, signer });
          } else {
            ctx.stdout.write(`${t(ctx.lang, 'LEAD_RECEIPTS_WRITTEN', { count, deviceId, path: flags.out })}\n`);
          }
          return EXIT.ok;
        }),
      ),
    );
};
