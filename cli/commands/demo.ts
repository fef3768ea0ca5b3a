import { join } from 'node:path';
import type { Command } from 'commander';
import { t } from '../i18n/index.ts';
import type { CliContext } from '../program/context.ts';
import { runDemo } from '../demo/run-demo.ts';
import { EXIT } from '../program/exit-codes.ts';
import { runAction, type Register } from '../program/program.ts';
import { integerFlag } from '../program/flags.ts';
import { resolveWorkspaceDir } from '../workspace/workspace-dir.ts';

interface DemoFlags {
  readonly lan?: boolean;
  readonly port?: string;
  readonly keep?: boolean;
  readonly dir?: string;
  readonly decideAfter?: string;
  readonly json?: boolean;
}

function waitForStop(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function demo(ctx: CliContext, flags: DemoFlags, workspaceFlag: string | undefined): Promise<number> {
  const port = integerFlag('--port', flags.port, 0, 0, 65_535);
  const decideAfterMs = integerFlag('--decide-after', flags.decideAfter, 20_000, 0, 86_400_000);
  const dir = flags.dir ?? join(resolveWorkspaceDir({ flag: workspaceFlag, env: ctx.env }), 'demo');
  const log = (line: string): void => {
    ctx.stderr.write(`${line}\n`);
  };
  const stopRequested = waitForStop();
  const running = await runDemo({
    dir,
    keep: flags.keep === true,
    lan: flags.lan === true,
    port,
    decideAfterMs,
    log,
    buildingMessage: t(ctx.lang, 'DEMO_BUILDING_PWA'),
  });
  if (flags.json) {
    const { stop: _stop, died: _died, ...facts } = running;
    ctx.stdout.write(`${JSON.stringify(facts)}\n`);
  } else {
    const lines = [
      t(ctx.lang, 'DEMO_READY', { team: running.team }),
      '',
      t(ctx.lang, 'DEMO_OPEN', { url: running.pwaUrl }),
      ...running.urls.slice(1).map((url) => `    ${url}`),
      t(ctx.lang, 'DEMO_CODES', { codes: running.codes.join('   ') }),
      t(ctx.lang, 'DEMO_SANDBOX', { url: running.sandboxUrl }),
      t(ctx.lang, 'DEMO_WORKSPACE', { path: running.workspace }),
      '',
      t(ctx.lang, 'DEMO_STOP'),
    ];
    ctx.stdout.write(`${lines.join('\n')}\n`);
  }
  // Ctrl+C in a terminal reaches the children too, so one may stop first: that is not a crash.
  let stopping = false;
  const ended = await Promise.race([
    stopRequested.then(() => {
      stopping = true;
      return undefined;
    }),
    running.died.then(async (name) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return stopping ? undefined : name;
    }),
  ]);
  if (ended !== undefined) log(t(ctx.lang, 'DEMO_CHILD_DIED', { name: ended }));
  await running.stop();
  log(t(ctx.lang, 'DEMO_STOPPED'));
  return ended === undefined ? EXIT.ok : EXIT.network;
}

/** `langso demo` (what `npm start` runs): sandbox + hub + built PWA with the demo fixtures. */
export const registerDemoCommand: Register = (program: Command, ctx: CliContext, exit) => {
  program
    .command('demo')
    .description(t(ctx.lang, 'DEMO_HELP'))
    .option('--lan', t(ctx.lang, 'DEMO_HELP_FLAG_LAN'))
    .option('--port <n>', t(ctx.lang, 'DEMO_HELP_FLAG_PORT'))
    .option('--decide-after <ms>', t(ctx.lang, 'DEMO_HELP_FLAG_DECIDE_AFTER'))
    .option('--dir <dir>', t(ctx.lang, 'DEMO_HELP_FLAG_DIR'))
    .option('--keep', t(ctx.lang, 'DEMO_HELP_FLAG_KEEP'))
    .option('--json', t(ctx.lang, 'DEMO_HELP_FLAG_JSON'))
    .addHelpText('after', t(ctx.lang, 'DEMO_HELP_EXAMPLE'))
    .action(
      runAction(exit, (flags: DemoFlags, command: Command) =>
        demo(ctx, flags, command.optsWithGlobals<{ workspace?: string }>().workspace),
      ),
    );
};
