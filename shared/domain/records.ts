import * as v from 'valibot';
import { ConsentSchema } from './consent.ts';
import { LIFECYCLE_STATUSES } from './lifecycle.ts';

/** UUIDv7 as made on the device (RFC 9562). */
export const UuidV7Schema = v.pipe(
  v.string(),
  v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
);
export const Sha256Schema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
export const IsoDateSchema = v.pipe(v.string(), v.isoDate());
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/** Province → commune/ward → hamlet → house (no district level since 1 July 2025). */
export const AddressSchema = v.object({
  provinceCode: v.literal('96'),
  communeCode: v.pipe(v.string(), v.regex(/^\d{5}$/)),
  hamlet: v.pipe(v.string(), v.minLength(1)),
  house: v.optional(v.string()),
});
export type Address = v.InferOutput<typeof AddressSchema>;

export const RELATIONSHIPS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const HouseholdSchema = v.object({
  address: AddressSchema,
  /** Name of the head of household as written on the household's papers. */
  headName: v.pipe(v.string(), v.minLength(1)),
  note: v.optional(v.string()),
});
export type Household = v.InferOutput<typeof HouseholdSchema>;

export const ResidentSchema = v.object({
  householdId: v.optional(UuidV7Schema),
  relationship: v.optional(v.picklist(RELATIONSHIPS)),
  /** NFC, single spaces, as the person writes it. */
  fullName: v.pipe(v.string(), v.minLength(1)),
  dateOfBirth: IsoDateSchema,
  sex: v.picklist(SEXES),
  /** 12-digit personal ID number; absent for a child who has none yet. */
  cccd: v.optional(v.pipe(v.string(), v.regex(/^\d{12}$/))),
  /** The old 9-digit CMND, a legacy reference only, never the CCCD. */
  legacyCmnd: v.optional(v.pipe(v.string(), v.regex(/^\d{9}$/))),
  /** Normalised 0-form mobile number. */
  phone: v.optional(v.pipe(v.string(), v.regex(/^0[35789]\d{8}$/))),
  email: v.optional(v.pipe(v.string(), v.email())),
  address: AddressSchema,
});
export type Resident = v.InferOutput<typeof ResidentSchema>;

export const LifecycleSchema = v.picklist(LIFECYCLE_STATUSES);

export const EID_LEVELS = [1, 2] as const;
export const EidApplicationSchema = v.object({
  residentId: UuidV7Schema,
  level: v.picklist(EID_LEVELS),
  /** The resident's own phone: VNeID sends the OTP there. */
  ownPhone: v.pipe(v.string(), v.regex(/^0[35789]\d{8}$/)),
  email: v.optional(v.pipe(v.string(), v.email())),
  chipCardInHand: v.boolean(),
  portraitSha256: v.optional(Sha256Schema),
  /** Under-14s go through a guardian's level-2 account. */
  guardianResidentId: v.optional(UuidV7Schema),
  status: LifecycleSchema,
});
export type EidApplication = v.InferOutput<typeof EidApplicationSchema>;

export const AUTH_METHODS = ['sms_otp', 'smart_otp', 'digital_signature'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export const DossierDocumentSchema = v.object({
  /** Key of the required document in the procedure's schema. */
  key: v.pipe(v.string(), v.minLength(1)),
  sha256: Sha256Schema,
  mime: v.picklist(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
  bytes: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type DossierDocument = v.InferOutput<typeof DossierDocumentSchema>;

export const FormValueSchema = v.union([v.string(), v.number(), v.boolean()]);
export const DossierSchema = v.object({
  procedureCode: v.pipe(v.string(), v.regex(/^\d\.\d{6}$/)),
  applicantResidentId: UuidV7Schema,
  formValues: v.record(v.string(), FormValueSchema),
  documents: v.array(DossierDocumentSchema),
  authMethod: v.picklist(AUTH_METHODS),
  status: LifecycleSchema,
});
export type Dossier = v.InferOutput<typeof DossierSchema>;

export const RECORD_TYPES = ['household', 'resident', 'eid', 'dossier'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const envelope = {
  id: UuidV7Schema,
  rev: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Device clock, ISO with offset, plus the server-clock offset measured at the last sync. */
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
  clockOffsetMs: v.optional(v.number()),
  deviceId: v.pipe(v.string(), v.minLength(1)),
  training: v.boolean(),
  consent: v.nullable(ConsentSchema),
};

/** The envelope every record travels in, discriminated on `type`. */
export const RecordEnvelopeSchema = v.variant('type', [
  v.object({ ...envelope, type: v.literal('household'), payload: HouseholdSchema }),
  v.object({ ...envelope, type: v.literal('resident'), payload: ResidentSchema }),
  v.object({ ...envelope, type: v.literal('eid'), payload: EidApplicationSchema }),
  v.object({ ...envelope, type: v.literal('dossier'), payload: DossierSchema }),
]);
export type RecordEnvelope = v.InferOutput<typeof RecordEnvelopeSchema>;
export type RecordOf<T extends RecordType> = Extract<RecordEnvelope, { type: T }>;
