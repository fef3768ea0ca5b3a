import { MAX_ATTACHMENT_BYTES, MAX_BATCH_BYTES } from '../../shared/sync/protocol.ts';

/** How a protocol server behaves: what it accepts, how its province decides, which faults it injects. */
export interface ServerPolicy {
  /** A real province refuses training records; a demo sandbox or a training hub may take them. */
  readonly acceptTraining: boolean;
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
  /** Request body limit after decompression. */
  readonly maxBodyBytes: number;
  readonly maxAttachmentBytes: number;
  /** Idempotency keys are kept at least this long (devices stay offline for weeks). */
  readonly idempotencyRetentionDays: number;
  /** Seconds in Retry-After on a 503. */
  readonly retryAfterSeconds: number;
  /** How often the decider runs on its own (it also runs before every /v1/updates). */
  readonly decideTickMs: number;
  /**
   * Unit code of the receiving agency in dossier codes (structure of Thông tư 01/2018/TT-VPCP
   * Art. 19 and QCVN 102:2016/BTTTT: V1V2V3.Z1Z2.Y1Y2.H12, H12 being Cà Mau).
   */
  readonly agencyCode: string;
  /** Web origins allowed to call this server from a browser (CORS); none by default. */
  readonly corsOrigins: readonly string[];
}

export const MIN_IDEMPOTENCY_RETENTION_DAYS = 30;

export const DEFAULT_POLICY: ServerPolicy = {
  acceptTraining: false,
  decideAfterMs: 60_000,
  seed: 1,
  failRate: 0,
  latencyMs: 0,
  cutAfterCommitRate: 0,
  maxBodyBytes: MAX_BATCH_BYTES,
  maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
  idempotencyRetentionDays: MIN_IDEMPOTENCY_RETENTION_DAYS,
  retryAfterSeconds: 1,
  decideTickMs: 1_000,
  agencyCode: '000.00.00.H12',
  corsOrigins: [],
};

export function resolvePolicy(overrides: Partial<ServerPolicy> = {}): ServerPolicy {
  const policy = { ...DEFAULT_POLICY, ...overrides };
  return {
    ...policy,
    idempotencyRetentionDays: Math.max(policy.idempotencyRetentionDays, MIN_IDEMPOTENCY_RETENTION_DAYS),
  };
}
