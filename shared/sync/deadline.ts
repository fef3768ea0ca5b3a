/**
 * Runs `work` with a signal that aborts when the caller's does or when `ms` have passed, and
 * tells which happened. A request on a 2G link that never answers must not hold the sync loop
 * forever; a stop asked for by the volunteer must not be mistaken for a slow server.
 */
export async function withDeadline<T>(
  ms: number,
  outer: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<{ readonly value: T; readonly timedOut: boolean }> {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted === true) controller.abort(outer.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ms);
  try {
    const value = await work(controller.signal);
    return { value, timedOut: timedOut && outer?.aborted !== true };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}
