import { Command } from 'commander';
import { t } from '../i18n/index.ts';
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
    .description(t(ctx.lang, 'PROGRAM_HELP'))
    .option('--lang <lang>', t(ctx.lang, 'PROGRAM_HELP_FLAG_LANG'))
    .option('--workspace <dir>', t(ctx.lang, 'PROGRAM_HELP_FLAG_WORKSPACE'))
    .helpOption('-h, --help', t(ctx.lang, 'PROGRAM_HELP_FLAG_HELP'))
    .helpCommand('help [command]', t(ctx.lang, 'PROGRAM_HELP_HELP_COMMAND'))
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
