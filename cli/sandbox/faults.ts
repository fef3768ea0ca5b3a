import type { Faults } from '../protocol-server/faults.ts';
import type { ProvincePolicy } from './province-policy.ts';
import { seededRandom } from '../../shared/random/seeded-random.ts';

/** The fault knobs of the sandbox, drawing from their own seeded streams (one per knob). */
export function createFaults(policy: ProvincePolicy): Faults {
  const failDraw = seededRandom(policy.seed ^ 0x5fa11);
  const cutDraw = seededRandom(policy.seed ^ 0xc07);
  return {
    failNow: () => policy.failRate > 0 && failDraw() < policy.failRate,
    cutNow: () => policy.cutAfterCommitRate > 0 && cutDraw() < policy.cutAfterCommitRate,
    delay: () =>
      policy.latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, policy.latencyMs)) : Promise.resolve(),
  };
}
