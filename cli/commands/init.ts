import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { findCommune } from '../../shared/catalog/communes.ts';
import { t } from '../i18n/index.ts';
import { EXIT } from '../program/exit-codes.ts';
import { isoNow, parseServerUrl, workspaceFlag } from '../program/command-options.ts';
import { checkTeamCommune, initWorkspace } from '../workspace/init-workspace.ts';
import { ensureLeadKeys, leadKeysNeeded, type LeadKeysFacts } from '../keys/lead-keys.ts';
import { publishLeadKeysToHub } from '../keys/publish-lead-keys.ts';
import { readPassphrase } from '../keys/passphrase.ts';
import { LEAD_DB_FILE, withWorkspace } from '../workspace/workspace-db.ts';
import { writeJson } from '../output/json.ts';
import { runAction, type Register } from '../program/program.ts';
import { resolveWorkspaceDir } from '../workspace/workspace-dir.ts';

interface InitFlags {
  readonly team: string;
  readonly commune: string;
  readonly upstream?: string;
  readonly force?: boolean;
  readonly newKeys?: boolean;
  readonly passphraseFile?: string;
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
    .option('--new-keys', t(ctx.lang, 'LEAD_HELP_FLAG_NEW_KEYS'))
    .option('--passphrase-file <file>', t(ctx.lang, 'LEAD_HELP_FLAG_PASSPHRASE_FILE'))
    .option('--json', t(ctx.lang, 'LEAD_HELP_FLAG_JSON'))
    .addHelpText('after', t(ctx.lang, 'LEAD_HELP_INIT_EXAMPLE'))
    .action(
      runAction(exit, async (flags: InitFlags, command: Command) => {
        // Checked before the workspace is touched: a typo creates nothing.
        const communeCode = checkTeamCommune(flags.commune);
        const upstream = flags.upstream === undefined ? undefined : parseServerUrl('--upstream', flags.upstream).href;
        const force = Boolean(flags.force);
        const newKeys = force && Boolean(flags.newKeys);
        // The passphrase too is settled before the workspace is touched, unless this init will be
        // refused anyway (a second one without --force) or keeps the keys it has.
        const target = resolveWorkspaceDir({ flag: workspaceFlag(command), env: ctx.env });
        const refused = !force && existsSync(join(target, LEAD_DB_FILE));
        const askPassphrase = (): Promise<string> =>
          readPassphrase({ file: flags.passphraseFile, env: ctx.env, lang: ctx.lang, create: true, output: ctx.stderr });
        let passphrase = !refused && leadKeysNeeded(target, newKeys) ? await askPassphrase() : undefined;
        return withWorkspace({ workspace: workspaceFlag(command), env: ctx.env, create: true }, async ({ dir, db }) => {
          const config = initWorkspace(db, { team: flags.team, communeCode, upstream, force, at: isoNow() }, dir);
          if (passphrase === undefined && leadKeysNeeded(dir, newKeys)) passphrase = await askPassphrase();
          const keys = await ensureLeadKeys(dir, { passphrase, newKeys });
          if (keys.created) publishLeadKeysToHub(dir, keys.publicKeys);
          const commune = findCommune(config.communeCode);
          if (flags.json) {
            writeJson(ctx.stdout, {
              workspace: dir,
              team: config.team,
              communeCode: config.communeCode,
              communeName: commune?.fullName ?? null,
              upstream: config.upstream ?? null,
              leadKeys: keysJson(keys),
            });
          } else {
            ctx.stdout.write(
              `${t(ctx.lang, 'LEAD_INIT_DONE', { team: config.team, commune: commune?.fullName ?? config.communeCode, path: dir })}\n`,
            );
            const said = keys.created ? 'LEAD_KEYS_CREATED' : 'LEAD_KEYS_KEPT';
            ctx.stdout.write(`${t(ctx.lang, said, { fingerprint: keys.fingerprint })}\n`);
            if (keys.retired) ctx.stdout.write(`${t(ctx.lang, 'LEAD_KEYS_REPLACED', { path: keys.retired })}\n`);
          }
          return EXIT.ok;
        });
      }),
    );
};

function keysJson(keys: LeadKeysFacts): Record<string, unknown> {
  return {
    fingerprint: keys.fingerprint,
    encryptionKeyId: keys.encryptionKeyId,
    signingKeyId: keys.signingKeyId,
    created: keys.created,
    retired: keys.retired ?? null,
  };
}
