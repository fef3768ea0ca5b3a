import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { t, type CliMessageCode, type Params } from '../i18n/index.ts';
import type { CliContext } from '../program/context.ts';
import { EXIT } from '../program/exit-codes.ts';
import { defaultPwaDir } from '../hub/default-pwa-dir.ts';
import { hubBanner, hubReadyJson } from '../hub/hub-banner.ts';
import { openHubDatabase } from '../workspace/hub-database.ts';
import { hubTeamCodes } from '../workspace/hub-team.ts';
import { isLoopbackHost, isWildcardHost, lanIPv4s } from '../hub/lan-addresses.ts';
import type { RunningHub } from '../hub/start-hub.ts';
import { workspaceFlag } from '../program/command-options.ts';
import { requireConfig } from '../workspace/config.ts';
import { readWorkspaceLeadPublicKeys } from '../keys/lead-keys.ts';
import { withWorkspace } from '../workspace/workspace-db.ts';
import { runAction, type Register } from '../program/program.ts';
import { cryptoRandom, systemClock } from '../protocol-server/runtime.ts';
import { integerFlag, originFlags } from '../program/flags.ts';
import { UserError } from '../program/user-error.ts';
import { resolveWorkspaceDir } from '../workspace/workspace-dir.ts';

interface HubFlags {
  host: string;
  port?: string;
  pwa?: string;
  corsOrigin: string[];
  https?: boolean;
  codes?: string;
  training?: boolean;
  json?: boolean;
  workspace?: string;
}

const MAX_CODES = 200;

/** The system's code (EADDRINUSE, EADDRNOTAVAIL…) when the address could not be used. */
function listenFailure(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('syscall' in error) || !('code' in error)) return undefined;
  const known = error.syscall === 'listen' || error.syscall === 'getaddrinfo';
  return known && typeof error.code === 'string' ? error.code : undefined;
}

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveSignal(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `--pwa DIR` must hold a built app; without the flag, a missing build means API only. */
function pwaFolder(ctx: CliContext, flag: string | undefined): string | undefined {
  if (flag !== undefined) {
    const dir = resolve(flag);
    if (!existsSync(join(dir, 'index.html'))) throw new UserError('HUB_PWA_MISSING', { path: dir }, EXIT.usage);
    return dir;
  }
  const dir = defaultPwaDir();
  if (dir !== undefined && existsSync(join(dir, 'index.html'))) return dir;
  ctx.stderr.write(`${t(ctx.lang, 'HUB_PWA_API_ONLY', { path: dir ?? 'dist/pwa' })}\n`);
  return undefined;
}

async function serve(ctx: CliContext, flags: HubFlags, workspace: string | undefined): Promise<number> {
  const port = integerFlag('--port', flags.port, 0, 0, 65_535);
  const codes = integerFlag('--codes', flags.codes, 5, 0, MAX_CODES);
  const corsOrigins = originFlags('--cors-origin', flags.corsOrigin);
  const host = flags.host.trim();
  const workspaceDir = resolveWorkspaceDir({ flag: workspace, env: ctx.env });
  // Said before anything else: without `langso init` there is no team to serve.
  // The hub's server code (X.509, TLS) loads only when a hub starts, not on every `langso` run.
  const { startHub, workspaceTeam } = await import('../hub/start-hub.ts');
  workspaceTeam(workspaceDir);
  // Beyond loopback a phone needs a secure context (service worker, WebCrypto): HTTPS unless told otherwise.
  const https = flags.https ?? !isLoopbackHost(host);
  const pwaDir = pwaFolder(ctx, flags.pwa);
  const lan = lanIPv4s();
  const write = (code: CliMessageCode, params: Params): void => {
    ctx.stderr.write(`${t(ctx.lang, code, params)}\n`);
  };

  let hub: RunningHub;
  try {
    hub = await startHub({
      workspaceDir,
      host,
      port,
      https,
      pwaDir,
      corsOrigins,
      acceptTraining: flags.training === true,
      codes,
      lan,
      onIngest: (result) => {
        const count = result.new + result.changed;
        if (count > 0) write('HUB_INGESTED', { count });
        if (result.unreadable > 0) write('HUB_INGEST_UNREADABLE', { count: result.unreadable });
        if (result.conflicts > 0) write('HUB_INGEST_CONFLICT', { count: result.conflicts });
      },
      onIngestError: (error) => write('HUB_INGEST_FAILED', { reason: error instanceof Error ? error.message : String(error) }),
      log: (line) => ctx.stderr.write(`${line}\n`),
    });
  } catch (error) {
    const reason = listenFailure(error);
    if (reason === undefined) throw error;
    write('HUB_LISTEN_FAILED', { host, port, reason });
    return EXIT.usage;
  }

  if (hub.certificate?.renewed) write('HUB_CERT_RENEWED', { names: hub.certificate.names.join(', ') });
  if (flags.json) ctx.stdout.write(hubReadyJson(hub, flags.training === true));
  else {
    ctx.stdout.write(
      await hubBanner({
        lang: ctx.lang,
        hub,
        training: flags.training === true,
        plainOnLan: !https && !isLoopbackHost(host) ? host : undefined,
        noLan: isWildcardHost(host) && lan.length === 0,
      }),
    );
  }
  await waitForStopSignal();
  await hub.close();
  write('HUB_STOPPED', {});
  return EXIT.ok;
}

/** `langso hub`: the lead's laptop as the team's server on the village Wi-Fi. */
export const registerHubCommand: Register = (program, ctx, exit) => {
  const collect = (value: string, previous: string[]): string[] => [...previous, value];
  const hub = program
    .command('hub')
    .description(t(ctx.lang, 'HUB_HELP'))
    .option('--host <host>', t(ctx.lang, 'HUB_HELP_FLAG_HOST'), '127.0.0.1')
    .option('--port <n>', t(ctx.lang, 'HELP_FLAG_PORT'))
    .option('--pwa <dir>', t(ctx.lang, 'HUB_HELP_FLAG_PWA'))
    .option('--cors-origin <origin>', t(ctx.lang, 'HUB_HELP_FLAG_CORS_ORIGIN'), collect, [])
    .option('--https', t(ctx.lang, 'HUB_HELP_FLAG_HTTPS'))
    .option('--no-https', t(ctx.lang, 'HUB_HELP_FLAG_NO_HTTPS'))
    .option('--codes <n>', t(ctx.lang, 'HUB_HELP_FLAG_CODES'))
    .option('--training', t(ctx.lang, 'HUB_HELP_FLAG_TRAINING'))
    .option('--json', t(ctx.lang, 'HUB_HELP_FLAG_JSON'))
    .addHelpText('after', t(ctx.lang, 'HUB_HELP_EXAMPLE'))
    .action(
      runAction(exit, (_opts: unknown, command: Command) =>
        serve(ctx, command.opts<HubFlags>(), workspaceFlag(command)),
      ),
    );

  hub
    .command('code')
    .description(t(ctx.lang, 'HUB_HELP_CODE'))
    .option('--json', t(ctx.lang, 'HUB_HELP_CODE_FLAG_JSON'))
    .addHelpText('after', t(ctx.lang, 'HUB_HELP_CODE_EXAMPLE'))
    .action(
      runAction(exit, (_opts: unknown, command: Command) => {
        // `--json` may be parsed as the parent's flag (`hub code --json`): read both.
        const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
        return withWorkspace({ workspace: workspaceFlag(command), env: ctx.env }, ({ dir, db: leadDb }) => {
          const team = teamName(leadDb, dir);
          const hubDb = openHubDatabase(dir);
          try {
            const issued = hubTeamCodes(hubDb, team, 1, systemClock, cryptoRandom, readWorkspaceLeadPublicKeys(dir));
            const code = issued.codes[0] ?? '';
            ctx.stdout.write(
              json
                ? `${JSON.stringify({ teamId: issued.teamId, team, code })}\n`
                : `${t(ctx.lang, 'HUB_CODE_ISSUED', { team, code })}\n`,
            );
            return EXIT.ok;
          } finally {
            hubDb.close();
          }
        });
      }),
    );
};

/** The workspace's team, or the hub's own way of saying `langso init` comes first. */
function teamName(db: Parameters<typeof requireConfig>[0], dir: string): string {
  try {
    return requireConfig(db, dir).team;
  } catch (error) {
    if (error instanceof UserError && error.code === 'LEAD_NOT_INITIALISED') {
      throw new UserError('HUB_NOT_INITIALISED', { path: dir }, EXIT.usage, { cause: error });
    }
    throw error;
  }
}
