/**
 * Runs the hand-off to the lead's workspace soon after a batch commits, once for however many
 * batches arrived meanwhile (fifty phones syncing at once make one run, not fifty). A failure is
 * reported and the next run (or the next start) catches up: the hub's journal keeps everything.
 */
export function createIngestScheduler(run: () => void, onError: (error: unknown) => void) {
  let pending: NodeJS.Immediate | undefined;
  let stopped = false;
  const runNow = (): void => {
    pending = undefined;
    try {
      run();
    } catch (error) {
      onError(error);
    }
  };
  return {
    /** Runs at once (the catch-up at start), reporting a failure like a scheduled run. */
    runNow,
    request(): void {
      if (stopped || pending) return;
      pending = setImmediate(runNow);
    },
    /** Stops scheduling; a run still waiting is done now, so nothing accepted waits for the next start. */
    stop(): void {
      stopped = true;
      if (pending) {
        clearImmediate(pending);
        runNow();
      }
    },
  };
}
