import type { Command } from 'commander';
import { UserError } from './user-error.ts';

/** The global `--workspace` flag as a subcommand sees it. */
export function workspaceFlag(command: Command): string | undefined {
  const value: unknown = command.optsWithGlobals()['workspace'];
  return typeof value === 'string' ? value : undefined;
}

/** A URL a server is reached at: http(s) only, said plainly when it is not one. */
export function parseServerUrl(flag: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError('LEAD_URL_INVALID', { flag, value });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError('LEAD_URL_INVALID', { flag, value });
  return url;
}

/** One value of a fixed list, or a usage error naming the flag and the choices. */
export function parseChoice<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  const found = choices.find((c) => c === value);
  if (found === undefined) throw new UserError('LEAD_FLAG_CHOICE', { flag, value, choices: choices.join(', ') });
  return found;
}

/** The clock the commands use: ISO timestamps (UTC), injected so store code never reads it itself. */
export const isoNow = (): string => new Date().toISOString();
