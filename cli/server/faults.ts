import type { ServerPolicy } from './policy.ts';
import { seededRandom } from './seeded.ts';

/** The fault knobs of a server, drawing from their own seeded streams (one per knob). */
export interface Faults {
  /** Answer this request 503 before doing anything. */
  failNow(): boolean;
  /** Drop this committed batch's connection instead of answering. */
  cutNow(): boolean;
  /** The configured latency (resolves at once when none). */
  delay(): Promise<void>;
}

export function createFaults(policy: ServerPolicy): Faults {
  const failDraw = seededRandom(policy.seed ^ 0x5fa11);
  const cutDraw = seededRandom(policy.seed ^ 0xc07);
  return {
    failNow: () => policy.failRate > 0 && failDraw() < policy.failRate,
    cutNow: () => policy.cutAfterCommitRate > 0 && cutDraw() < policy.cutAfterCommitRate,
    delay: () =>
      policy.latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, policy.latencyMs)) : Promise.resolve(),
  };
}
