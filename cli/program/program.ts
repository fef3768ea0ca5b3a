import { Command } from 'commander';
import type { CliContext } from './context.ts';

/**
 * Each command lives in its own file under commands/ and exports `registerXCommand(program, ctx)`.
 * An action returns its exit code; `runAction` records it so `main` can return it.
 */
export type Register = (program: Command, ctx: CliContext, exit: ExitSink) => void;

export interface ExitSink {
  code: number;
}

export function createProgram(ctx: CliContext, registers: readonly Register[], exit: ExitSink): Command {
  const program = new Command()
    .name('langso')
    .description(
      ctx.lang === 'vi'
        ? 'Làng số — bộ công cụ của Tổ công nghệ số cộng đồng (tổ trưởng, hub, sandbox)'
        : 'Langso — the community digital-technology team kit (team lead, hub, sandbox)',
    )
    .option('--lang <lang>', 'vi | en (default: from LANG, else vi)')
    .option('--workspace <dir>', 'workspace folder (default: $LANGSO_HOME or ~/.langso)')
    .helpOption('-h, --help', ctx.lang === 'vi' ? 'hiện trợ giúp của lệnh' : 'display help for command')
    .helpCommand('help [command]', ctx.lang === 'vi' ? 'hiện trợ giúp của một lệnh' : 'display help for command')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });
  for (const register of registers) register(program, ctx, exit);
  return program;
}

/** Wraps a command's action so its returned exit code reaches `main`. */
export function runAction<A extends unknown[]>(
  exit: ExitSink,
  action: (...args: A) => Promise<number> | number,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    exit.code = await action(...args);
  };
}
