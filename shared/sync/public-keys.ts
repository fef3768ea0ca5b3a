import * as v from 'valibot';

// The public keys the protocol carries (enrolment, the catalog): their shapes only. What is done
// with them (sealing, signing, verifying) is shared/seal's.

/** A P-256 public key as a JWK, reduced to the members that define it (RFC 7638 §3.2). */
export const EcPublicJwkSchema = v.object({
  kty: v.literal('EC'),
  crv: v.literal('P-256'),
  x: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
  y: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
});
export type EcPublicJwk = v.InferOutput<typeof EcPublicJwkSchema>;

/** The team lead's two public keys, as phones receive them. */
export const LeadPublicKeysSchema = v.object({
  format: v.literal('langso-lead-public'),
  version: v.literal(1),
  encryption: EcPublicJwkSchema,
  signing: EcPublicJwkSchema,
});
export type LeadPublicKeys = v.InferOutput<typeof LeadPublicKeysSchema>;

