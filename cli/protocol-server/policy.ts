import { MAX_ATTACHMENT_BYTES, MAX_BATCH_BYTES } from '../../shared/sync/protocol.ts';

/** What a protocol server accepts, whatever its role (province stand-in or LAN hub). */
export interface ServerPolicy {
  /** A real province refuses training records; a demo sandbox or a training hub may take them. */
  readonly acceptTraining: boolean;
  /** Request body limit after decompression. */
  readonly maxBodyBytes: number;
  readonly maxAttachmentBytes: number;
  /** Idempotency keys are kept at least this long (devices stay offline for weeks). */
  readonly idempotencyRetentionDays: number;
  /** Seconds in Retry-After on a 503. */
  readonly retryAfterSeconds: number;
  /** Web origins allowed to call this server from a browser (CORS); none by default. */
  readonly corsOrigins: readonly string[];
}

export const MIN_IDEMPOTENCY_RETENTION_DAYS = 30;

export const DEFAULT_POLICY: ServerPolicy = {
  acceptTraining: false,
  maxBodyBytes: MAX_BATCH_BYTES,
  maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
  idempotencyRetentionDays: MIN_IDEMPOTENCY_RETENTION_DAYS,
  retryAfterSeconds: 1,
  corsOrigins: [],
};

export function resolvePolicy(overrides: Partial<ServerPolicy> = {}): ServerPolicy {
  const policy = { ...DEFAULT_POLICY, ...overrides };
  return {
    acceptTraining: policy.acceptTraining,
    maxBodyBytes: policy.maxBodyBytes,
    maxAttachmentBytes: policy.maxAttachmentBytes,
    idempotencyRetentionDays: Math.max(policy.idempotencyRetentionDays, MIN_IDEMPOTENCY_RETENTION_DAYS),
    retryAfterSeconds: policy.retryAfterSeconds,
    corsOrigins: policy.corsOrigins,
  };
}
