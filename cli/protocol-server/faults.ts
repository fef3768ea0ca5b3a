/**
 * Faults a server injects on purpose, at the points where real networks fail: the sandbox's
 * trainer knobs (cli/sandbox/faults.ts) implement it; a hub injects none.
 */
export interface Faults {
  /** Answer this request 503 before doing anything. */
  failNow(): boolean;
  /** Drop this committed batch's connection instead of answering. */
  cutNow(): boolean;
  /** The configured latency (resolves at once when none). */
  delay(): Promise<void>;
}

export const NO_FAULTS: Faults = {
  failNow: () => false,
  cutNow: () => false,
  delay: () => Promise.resolve(),
};
