export interface WaitForOptions {
  /** How long the condition has to come true before the wait fails. */
  readonly timeoutMs?: number;
  /** The pause between two looks. */
  readonly intervalMs?: number;
}

/**
 * Looks at `condition` until it returns something truthy, and returns that; throws, naming the
 * condition, if it has not come true within the timeout. A test waits for what proves the thing
 * it checks has happened, rather than sleeping a while and hoping it did.
 */
export async function waitFor<T>(condition: () => T | Promise<T>, { timeoutMs = 5000, intervalMs = 10 }: WaitForOptions = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`waitFor: still not true after ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
