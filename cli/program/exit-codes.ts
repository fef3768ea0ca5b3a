/** The CLI's exit codes, the same for every command (README: "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** The command ran and found problems (invalid records, records left unsent). */
  problems: 1,
  /** Usage error or bad input (a flag, a missing or unparseable file). */
  usage: 2,
  /** Network or server trouble. */
  network: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
