import type Database from 'better-sqlite3';
import type { Command } from 'commander';
import { t } from '../i18n/index.ts';
import type { Lang } from '../../shared/i18n/index.ts';
import type { CliContext } from '../program/context.ts';
import { EXIT } from '../program/exit-codes.ts';
import { runAction, type Register } from '../program/program.ts';
import type { ServerEvent } from '../protocol-server/server-event.ts';
import { openSandboxDatabase, startSandbox } from '../sandbox/sandbox.ts';
import { integerFlag, originFlags, rateFlag } from '../program/flags.ts';
import { sandboxStats, type SandboxStats } from '../sandbox/stats.ts';
import { cryptoRandom, systemClock } from '../protocol-server/runtime.ts';
import { addEnrolCode, createTeam } from '../protocol-server/teams.ts';
import { UserError } from '../program/user-error.ts';
import { workspaceFile } from '../workspace/workspace-dir.ts';

interface ServeFlags {
  db?: string;
  host: string;
  port?: string;
  decideAfter?: string;
  seed?: string;
  failRate?: string;
  latency?: string;
  cutAfterCommitRate?: string;
  training?: boolean;
  corsOrigin: string[];
  workspace?: string;
}

const DAY_MS = 86_400_000;
const MAX_INT = 2 ** 31 - 1;

/** `--db`, else `<workspace>/sandbox.db`. */
function dbFile(ctx: CliContext, flags: { db?: string; workspace?: string }): string {
  return flags.db ?? workspaceFile({ flag: flags.workspace, env: ctx.env }, 'sandbox.db');
}

/** Runs `work` on the sandbox database of these flags, closing it however `work` ends. */
function withSandboxDb<T>(ctx: CliContext, flags: { db?: string; workspace?: string }, mustExist: boolean, work: (db: Database.Database) => T): T {
  const db = openSandboxDatabase(dbFile(ctx, flags), mustExist);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** The system's code (EADDRINUSE, ENOTFOUND…) when the address could not be used. */
function listenFailure(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('syscall' in error) || !('code' in error)) return undefined;
  const known = error.syscall === 'listen' || error.syscall === 'getaddrinfo';
  return known && typeof error.code === 'string' ? error.code : undefined;
}

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function serve(ctx: CliContext, flags: ServeFlags): Promise<number> {
  const policy = {
    decideAfterMs: integerFlag('--decide-after', flags.decideAfter, 60_000, 0, 30 * DAY_MS),
    seed: integerFlag('--seed', flags.seed, 1, 0, MAX_INT),
    failRate: rateFlag('--fail-rate', flags.failRate),
    latencyMs: integerFlag('--latency', flags.latency, 0, 0, 600_000),
    cutAfterCommitRate: rateFlag('--cut-after-commit-rate', flags.cutAfterCommitRate),
    acceptTraining: flags.training === true,
    corsOrigins: originFlags('--cors-origin', flags.corsOrigin),
  };
  const port = integerFlag('--port', flags.port, 0, 0, 65_535);
  const file = dbFile(ctx, flags);
  let sandbox;
  try {
    sandbox = await startSandbox({
      dbFile: file,
      host: flags.host,
      port,
      policy,
      // What a trainer shows on the projector: the faults injected, and the same answer replayed.
      onEvent: (event) => ctx.stderr.write(`${serverEventLine(ctx.lang, event)}\n`),
    });
  } catch (error) {
    const reason = listenFailure(error);
    if (reason === undefined) throw error;
    ctx.stderr.write(`${t(ctx.lang, 'SANDBOX_LISTEN_FAILED', { host: flags.host, port, reason })}\n`);
    return EXIT.usage;
  }
  // The URL alone on the first line: scripts and tests read it.
  ctx.stdout.write(`${sandbox.url}\n`);
  ctx.stderr.write(`${t(ctx.lang, 'SANDBOX_READY', { db: file })}\n`);
  await waitForStopSignal();
  await sandbox.close();
  ctx.stderr.write(`${t(ctx.lang, 'SANDBOX_STOPPED')}\n`);
  return EXIT.ok;
}

function serverEventLine(lang: Lang, event: ServerEvent): string {
  switch (event.kind) {
    case 'cut-after-commit':
      return t(lang, 'SANDBOX_EVENT_CUT', { batch: event.batchId, records: event.records });
    case 'replayed':
      return t(lang, 'SANDBOX_EVENT_REPLAYED', { batch: event.batchId });
    case 'unavailable':
      return t(lang, 'SANDBOX_EVENT_UNAVAILABLE', { method: event.method, path: event.path });
  }
}

function printStats(ctx: CliContext, stats: SandboxStats): void {
  if (stats.records === 0) ctx.stdout.write(`${t(ctx.lang, 'SANDBOX_STATS_EMPTY')}\n`);
  else {
    ctx.stdout.write(`${t(ctx.lang, 'SANDBOX_STATS_HEADER')}\n`);
    for (const row of stats.byTypeAndStatus) {
      ctx.stdout.write(`  ${row.type.padEnd(10)} ${row.status.padEnd(10)} ${String(row.count).padStart(8)}\n`);
    }
  }
  if (stats.duplicates.length === 0) {
    ctx.stdout.write(`${t(ctx.lang, 'SANDBOX_STATS_NO_DUPLICATES')}\n`);
    return;
  }
  ctx.stdout.write(`${t(ctx.lang, 'SANDBOX_STATS_DUPLICATES', { count: stats.duplicates.length })}\n`);
  for (const dup of stats.duplicates) ctx.stdout.write(`  ${dup.type} ${dup.hash.slice(0, 12)}… ${dup.ids.join(', ')}\n`);
}

/** `langso sandbox`: the provincial system's stand-in, for trainers and tests. */
export const registerSandboxCommand: Register = (program, ctx, exit) => {
  const collect = (value: string, previous: string[]): string[] => [...previous, value];
  const sandbox = program
    .command('sandbox')
    .description(t(ctx.lang, 'SANDBOX_HELP'))
    .option('--db <file>', t(ctx.lang, 'SANDBOX_HELP_FLAG_DB'))
    .option('--host <host>', t(ctx.lang, 'SANDBOX_HELP_FLAG_HOST'), '127.0.0.1')
    .option('--port <n>', t(ctx.lang, 'HELP_FLAG_PORT'))
    .option('--decide-after <ms>', t(ctx.lang, 'SANDBOX_HELP_FLAG_DECIDE_AFTER'))
    .option('--seed <n>', t(ctx.lang, 'SANDBOX_HELP_FLAG_SEED'))
    .option('--fail-rate <r>', t(ctx.lang, 'SANDBOX_HELP_FLAG_FAIL_RATE'))
    .option('--latency <ms>', t(ctx.lang, 'SANDBOX_HELP_FLAG_LATENCY'))
    .option('--cut-after-commit-rate <r>', t(ctx.lang, 'SANDBOX_HELP_FLAG_CUT_AFTER_COMMIT_RATE'))
    .option('--training', t(ctx.lang, 'SANDBOX_HELP_FLAG_TRAINING'))
    .option('--cors-origin <origin>', t(ctx.lang, 'SANDBOX_HELP_FLAG_CORS_ORIGIN'), collect, [])
    .addHelpText('after', t(ctx.lang, 'SANDBOX_HELP_EXAMPLE'))
    .action(runAction(exit, (_opts: unknown, command: Command) => serve(ctx, command.optsWithGlobals<ServeFlags>())));

  const team = sandbox.command('team').description(t(ctx.lang, 'SANDBOX_HELP_TEAM'));
  team
    .command('create')
    .description(t(ctx.lang, 'SANDBOX_HELP_TEAM_CREATE'))
    .option('--db <file>', t(ctx.lang, 'SANDBOX_HELP_FLAG_DB_FILE'))
    // The default is a team's name as stored, not a message: the same in either language.
    .option('--name <name>', t(ctx.lang, 'SANDBOX_HELP_FLAG_NAME'), 'Tổ công nghệ số cộng đồng')
    .option('--json', t(ctx.lang, 'SANDBOX_HELP_FLAG_TEAM_JSON'))
    .addHelpText('after', t(ctx.lang, 'SANDBOX_HELP_TEAM_CREATE_EXAMPLE'))
    .action(
      runAction(exit, (_opts: unknown, command: Command) => {
        const flags = command.optsWithGlobals<{ db?: string; workspace?: string; name: string; json?: boolean }>();
        const created = withSandboxDb(ctx, flags, false, (db) => createTeam(db, flags.name, systemClock, cryptoRandom));
        if (flags.json) ctx.stdout.write(`${JSON.stringify({ teamId: created.teamId, code: created.code })}\n`);
        else {
          ctx.stdout.write(`${t(ctx.lang, 'SANDBOX_TEAM_CREATED', { name: created.teamName, teamId: created.teamId })}\n`);
          ctx.stdout.write(`${t(ctx.lang, 'SANDBOX_TEAM_CODE', { code: created.code })}\n`);
        }
        return EXIT.ok;
      }),
    );

  team
    .command('code <teamId>')
    .description(t(ctx.lang, 'SANDBOX_HELP_TEAM_CODE'))
    .option('--db <file>', t(ctx.lang, 'SANDBOX_HELP_FLAG_DB_FILE'))
    .option('--json', t(ctx.lang, 'SANDBOX_HELP_FLAG_TEAM_JSON'))
    .addHelpText('after', t(ctx.lang, 'SANDBOX_HELP_TEAM_CODE_EXAMPLE'))
    .action(
      runAction(exit, (teamId: string, _opts: unknown, command: Command) => {
        const flags = command.optsWithGlobals<{ db?: string; workspace?: string; json?: boolean }>();
        const code = withSandboxDb(ctx, flags, true, (db) => addEnrolCode(db, teamId, systemClock, cryptoRandom));
        if (code === undefined) throw new UserError('SANDBOX_TEAM_UNKNOWN', { teamId }, EXIT.usage);
        ctx.stdout.write(flags.json ? `${JSON.stringify({ teamId, code })}\n` : `${t(ctx.lang, 'SANDBOX_TEAM_CODE', { code })}\n`);
        return EXIT.ok;
      }),
    );

  sandbox
    .command('stats')
    .description(t(ctx.lang, 'SANDBOX_HELP_STATS'))
    .option('--db <file>', t(ctx.lang, 'SANDBOX_HELP_FLAG_DB_FILE'))
    .option('--json', t(ctx.lang, 'SANDBOX_HELP_FLAG_STATS_JSON'))
    .addHelpText('after', t(ctx.lang, 'SANDBOX_HELP_STATS_EXAMPLE'))
    .action(
      runAction(exit, (_opts: unknown, command: Command) => {
        const flags = command.optsWithGlobals<{ db?: string; workspace?: string; json?: boolean }>();
        const stats = withSandboxDb(ctx, flags, true, sandboxStats);
        if (flags.json) ctx.stdout.write(`${JSON.stringify(stats)}\n`);
        else printStats(ctx, stats);
        return stats.duplicates.length === 0 ? EXIT.ok : EXIT.problems;
      }),
    );
};
