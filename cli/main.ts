import { CommanderError } from 'commander';
import { t, type Lang } from './i18n/index.ts';
import { COMMANDS } from './commands/index.ts';
import { createContext, langFlagFrom } from './program/context.ts';
import { EXIT } from './program/exit-codes.ts';
import { createProgram, type ExitSink } from './program/program.ts';
import { isUserError } from './program/user-error.ts';

/** Runs the CLI and returns its exit code; never lets a stack trace reach a user. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const ctx = createContext(env, langFlagFrom(argv.slice(2)));
  endQuietlyWhenPipeCloses(process.stdout, ctx.lang);
  const exit: ExitSink = { code: EXIT.ok };
  const program = createProgram(ctx, COMMANDS, exit);
  try {
    await program.parseAsync([...argv]);
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isUserError(error)) {
      ctx.stderr.write(`${t(ctx.lang, error.code, error.params)}\n`);
      return error.exitCode;
    }
    const reason = error instanceof Error ? error.message : String(error);
    ctx.stderr.write(`${t(ctx.lang, 'INTERNAL', { reason })}\n`);
    if (env['LANGSO_DEBUG'] && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
    return EXIT.usage;
  }
}

const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * `langso report | head`: once the reader is gone, writing to stdout fails with EPIPE, which
 * Node raises as an unhandled 'error' event (a stack trace). There is nobody left to tell, so the
 * process ends at once, quietly; the workspace is SQLite, whole after every transaction.
 */
function endQuietlyWhenPipeCloses(stream: NodeJS.WriteStream, lang: Lang): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    process.stderr.write(`${t(lang, 'INTERNAL', { reason: error.message })}\n`);
    process.exit(EXIT.usage);
  });
}
