/** A stop the user asked for with Ctrl+C, as the AbortSignal the sync engine honours. */
export interface Interrupt {
  readonly signal: AbortSignal;
  /** Stops listening; SIGINT kills the process again as usual. */
  dispose(): void;
}

/**
 * The first Ctrl+C aborts the signal: the engine stops between requests, every receipt it got is
 * already durable, and the command ends saying what is left. The listener is gone after that
 * first press, so a second Ctrl+C ends the process at once (SQLite keeps the workspace whole).
 */
export function interruptOnSigint(): Interrupt {
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSigint);
    },
  };
}
