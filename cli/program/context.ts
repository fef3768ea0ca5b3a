import { parseLang, type Lang } from '../i18n/index.ts';

/** What every command gets: the user's language and the output streams. */
export interface CliContext {
  lang: Lang;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Colour only on a TTY and when NO_COLOR is not set (no-color.org). */
  color: boolean;
}

/** `--lang` wins, then LC_ALL / LC_MESSAGES / LANG, then Vietnamese. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  return (
    parseLang(flag) ??
    parseLang(env['LC_ALL']) ??
    parseLang(env['LC_MESSAGES']) ??
    parseLang(env['LANG']) ??
    'vi'
  );
}

export function createContext(env: NodeJS.ProcessEnv, langFlag?: string): CliContext {
  const isTty = Boolean((process.stdout as { isTTY?: boolean }).isTTY);
  return {
    lang: resolveLang(langFlag, env),
    stdout: process.stdout,
    stderr: process.stderr,
    env,
    color: isTty && !env['NO_COLOR'],
  };
}

/** Finds `--lang X` / `--lang=X` in argv before commander runs, so even usage errors are localised. */
export function langFlagFrom(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--lang') return argv[i + 1];
    if (arg?.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}
