/**
 * One run at a time: a call made while a run is going joins it (gets the same promise) instead
 * of starting a second loop over the same outbox. The joining caller's arguments are ignored.
 */
export function singleFlight<A extends unknown[], T>(run: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let running: Promise<T> | undefined;
  return (...args) => {
    if (running) return running;
    const current = run(...args).finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };
}
