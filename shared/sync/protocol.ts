import * as v from 'valibot';
import { ConsentSchema } from '../domain/consent.ts';
import { LifecycleSchema, RECORD_TYPES, Sha256Schema, UuidV7Schema } from '../domain/records.ts';
import { LeadPublicKeysSchema } from './public-keys.ts';

/**
 * Sync protocol v1 (docs/PROTOCOL.md) as runtime schemas; the types are inferred so that device, hub
 * and sandbox can never disagree silently. Both ends validate what they receive.
 */
export const PROTOCOL_VERSION = 1;

/** Chunk bounds (docs/PROTOCOL.md): never one request per record, never an unbounded request. */
export const MAX_RECORDS_PER_BATCH = 500;
export const MAX_BATCH_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const EnrolRequestSchema = v.object({
  code: v.pipe(v.string(), v.trim(), v.minLength(4), v.maxLength(64)),
  deviceName: v.optional(v.pipe(v.string(), v.maxLength(100))),
  /** The device's ECDSA P-256 public key (JWK), for sealed batch files. */
  publicKey: v.optional(v.record(v.string(), v.unknown())),
});
export type EnrolRequest = v.InferOutput<typeof EnrolRequestSchema>;

/**
 * The team lead's public keys, as the hub hands them to phones at enrolment and in
 * `GET /v1/catalog`: phones seal `.langso` files to `encryption` (ECDH) and check receipt files
 * with `signing` (ECDSA). The key ids are the RFC 7638 thumbprints (shared/seal/jwk.ts `keyId`):
 * a phone recomputes them before trusting the keys, and shows `shortFingerprint(encryptionKeyId)`
 * — the fingerprint `langso init` prints — so the lead can compare the two by eye.
 */
export const TeamLeadKeysSchema = v.object({
  ...LeadPublicKeysSchema.entries,
  encryptionKeyId: Sha256Schema,
  signingKeyId: Sha256Schema,
});
export type TeamLeadKeys = v.InferOutput<typeof TeamLeadKeysSchema>;

export const EnrolResponseSchema = v.object({
  deviceId: v.string(),
  token: v.string(),
  teamId: v.string(),
  teamName: v.optional(v.string()),
  serverTime: v.pipe(v.string(), v.isoTimestamp()),
  /** Absent when the team lead has no keys yet (a server without sealed batch files). */
  leadKeys: v.optional(TeamLeadKeysSchema),
});
export type EnrolResponse = v.InferOutput<typeof EnrolResponseSchema>;

export const WireRecordSchema = v.object({
  id: UuidV7Schema,
  type: v.picklist(RECORD_TYPES),
  rev: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** SHA-256 (hex) of the canonical JSON of `payload`. */
  hash: Sha256Schema,
  /** Validated per `type` by the receiver (domain schemas), after the envelope. */
  payload: v.unknown(),
  attachments: v.pipe(v.array(Sha256Schema), v.maxLength(50)),
  consent: v.nullable(ConsentSchema),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
  clockOffsetMs: v.optional(v.number()),
  training: v.boolean(),
});
export type WireRecord = v.InferOutput<typeof WireRecordSchema>;

export const BatchRequestSchema = v.object({
  protocol: v.literal(PROTOCOL_VERSION),
  batchId: UuidV7Schema,
  deviceId: v.string(),
  records: v.pipe(v.array(WireRecordSchema), v.minLength(1), v.maxLength(MAX_RECORDS_PER_BATCH)),
});
export type BatchRequest = v.InferOutput<typeof BatchRequestSchema>;

export const RECEIPT_STATUSES = ['accepted', 'duplicate', 'rejected', 'conflict'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

export const ReceiptSchema = v.object({
  id: v.string(),
  rev: v.number(),
  status: v.picklist(RECEIPT_STATUSES),
  /** Stable code for a rejection or a conflict (e.g. `ATTACHMENT_MISSING`, `TRAINING_RECORD`). */
  code: v.optional(v.string()),
  /** The province's reference: a dossier code for dossiers, a receipt number otherwise. */
  serverRef: v.optional(v.string()),
  message: v.optional(v.string()),
  /** Attachments the server still needs before it can accept the record. */
  missing: v.optional(v.array(Sha256Schema)),
});
export type Receipt = v.InferOutput<typeof ReceiptSchema>;

export const BatchResponseSchema = v.object({
  batchId: v.string(),
  receipts: v.array(ReceiptSchema),
  serverTime: v.optional(v.pipe(v.string(), v.isoTimestamp())),
});
export type BatchResponse = v.InferOutput<typeof BatchResponseSchema>;

export const UpdateSchema = v.object({
  id: v.string(),
  type: v.picklist(RECORD_TYPES),
  status: LifecycleSchema,
  serverRef: v.optional(v.string()),
  /** Why, for needs_fix and rejected (a stable code plus the province's words). */
  code: v.optional(v.string()),
  message: v.optional(v.string()),
  /** For scheduled: the appointment. */
  appointmentAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  at: v.pipe(v.string(), v.isoTimestamp()),
});
export type Update = v.InferOutput<typeof UpdateSchema>;

export const UpdatesResponseSchema = v.object({
  updates: v.array(UpdateSchema),
  cursor: v.string(),
  more: v.boolean(),
});
export type UpdatesResponse = v.InferOutput<typeof UpdatesResponseSchema>;

/** Every 4xx/5xx carries this body. */
export const ErrorBodySchema = v.object({
  code: v.string(),
  message: v.string(),
});
export type ErrorBody = v.InferOutput<typeof ErrorBodySchema>;

/** Stable codes of protocol errors (HTTP bodies and receipts). */
export const PROTOCOL_ERROR_CODES = [
  'BAD_JSON',
  'BAD_REQUEST',
  'PROTOCOL_VERSION',
  'IDEMPOTENCY_KEY_MISSING',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_FLIGHT',
  'BODY_TOO_LARGE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'ENROL_CODE_INVALID',
  'HASH_MISMATCH',
  'ATTACHMENT_MISSING',
  'TRAINING_RECORD',
  'RECORD_INVALID',
  'CONSENT_MISSING',
  'OTHER_TEAM',
  'REV_CONFLICT',
  'NOT_EDITABLE',
  'INTERNAL',
  'UNAVAILABLE',
] as const;
export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];
