import { resolvePolicy, type ServerPolicy } from '../protocol-server/policy.ts';

/** How the sandbox province decides, and the faults a trainer asks it to inject. */
export interface ProvincePolicy {
  /** Time from "received" to the province's next decision (0: at the next decider run). */
  readonly decideAfterMs: number;
  /** Seeds the province's outcomes and the fault knobs, so a run can be replayed. */
  readonly seed: number;
  /** Share of requests answered 503 with Retry-After before anything is done. */
  readonly failRate: number;
  /** Added delay per request (for a batch: while its key is in flight). */
  readonly latencyMs: number;
  /** Share of batches committed whose connection is then dropped without an answer. */
  readonly cutAfterCommitRate: number;
  /** How often the decider runs on its own (it also runs before every /v1/updates). */
  readonly decideTickMs: number;
  /**
   * Unit code of the receiving agency in dossier codes (structure of Thông tư 01/2018/TT-VPCP
   * Art. 19 and QCVN 102:2016/BTTTT: V1V2V3.Z1Z2.Y1Y2.H12, H12 being Cà Mau).
   */
  readonly agencyCode: string;
}

/** The sandbox's whole policy: what any protocol server accepts, and how this province behaves. */
export type SandboxPolicy = ServerPolicy & ProvincePolicy;

export const DEFAULT_PROVINCE_POLICY: ProvincePolicy = {
  decideAfterMs: 60_000,
  seed: 1,
  failRate: 0,
  latencyMs: 0,
  cutAfterCommitRate: 0,
  decideTickMs: 1_000,
  agencyCode: '000.00.00.H12',
};

export function resolveSandboxPolicy(overrides: Partial<SandboxPolicy> = {}): SandboxPolicy {
  return { ...DEFAULT_PROVINCE_POLICY, ...overrides, ...resolvePolicy(overrides) };
}
