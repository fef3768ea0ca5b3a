import { ok } from '../domain/result.ts';
import * as v from 'valibot';
import { UuidV7Schema, Sha256Schema } from '../domain/records.ts';
import { canonicalJson } from '../sync/canonical.ts';
import { ReceiptSchema, type Receipt } from '../sync/protocol.ts';
import { fromBase64url, toBase64url } from './base64url.ts';
import { concatBytes, utf8, type Bytes } from './bytes.ts';
import { sealFailure, type SealResult } from './errors.ts';
import { importPublicJwk, keyId } from './jwk.ts';
import type { LeadKeys } from './keys.ts';
import type { LeadPublicKeys } from '../sync/public-keys.ts';

/**
 * The return path of a batch file: `langso receipts export` writes a small
 * JSON file signed with the team lead's ECDSA key; the phone checks it with the lead's public key
 * from enrolment and lets records leave its outbox. Not encrypted: it holds record ids and
 * statuses, no personal data. The entries are the sync protocol's receipts, so the phone applies
 * them through the same outbox path as a sync answer.
 */
export const RECEIPT_FILE_VERSION = 1;

const ReceiptFileBodySchema = v.object({
  format: v.literal('langso-receipts'),
  version: v.literal(RECEIPT_FILE_VERSION),
  teamId: v.pipe(v.string(), v.minLength(1)),
  /** The phone the receipts are for. */
  deviceId: v.pipe(v.string(), v.minLength(1)),
  /** The batch file they answer, when they answer one. */
  fileId: v.optional(UuidV7Schema),
  issuedAt: v.pipe(v.string(), v.isoTimestamp()),
  receipts: v.pipe(v.array(ReceiptSchema), v.maxLength(100_000)),
  signerKeyId: Sha256Schema,
});
export type ReceiptFileBody = v.InferOutput<typeof ReceiptFileBodySchema>;

export const ReceiptFileSchema = v.object({
  ...ReceiptFileBodySchema.entries,
  /** ECDSA P-256 / SHA-256, IEEE P1363, base64url, over the canonical JSON of the rest. */
  signature: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{86}$/)),
});
export type ReceiptFile = v.InferOutput<typeof ReceiptFileSchema>;

const LABEL = utf8('langso-receipts/1\0');

function signedBytes(body: ReceiptFileBody): Bytes {
  return concatBytes([LABEL, utf8(canonicalJson(body))]);
}

export async function signReceiptFile(
  lead: Pick<LeadKeys, 'signingKey' | 'signingKeyId'>,
  content: {
    readonly teamId: string;
    readonly deviceId: string;
    readonly fileId?: string;
    readonly issuedAt: string;
    readonly receipts: readonly Receipt[];
  },
): Promise<ReceiptFile> {
  const body = v.parse(ReceiptFileBodySchema, {
    format: 'langso-receipts',
    version: RECEIPT_FILE_VERSION,
    ...content,
    signerKeyId: lead.signingKeyId,
  });
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, lead.signingKey, signedBytes(body));
  return { ...body, signature: toBase64url(new Uint8Array(signature)) };
}

/** Checks a receipt file read from outside (any JSON value) on the phone it is meant for. */
export async function verifyReceiptFile(
  file: unknown,
  expect: { readonly lead: LeadPublicKeys; readonly teamId: string; readonly deviceId: string },
): Promise<SealResult<{ readonly receipts: readonly Receipt[]; readonly fileId?: string; readonly issuedAt: string }>> {
  const envelope = v.safeParse(v.object({ format: v.literal('langso-receipts'), version: v.number() }), file);
  if (!envelope.success) return sealFailure('SEAL_RECEIPT_INVALID');
  if (envelope.output.version > RECEIPT_FILE_VERSION) {
    return sealFailure('SEAL_RECEIPT_VERSION_UNSUPPORTED', { version: envelope.output.version });
  }
  const parsed = v.safeParse(ReceiptFileSchema, file);
  if (!parsed.success) return sealFailure('SEAL_RECEIPT_INVALID');
  const { signature, ...body } = parsed.output;
  const signatureBytes = fromBase64url(signature);
  const leadKeyId = await keyId(expect.lead.signing);
  if (!signatureBytes || body.signerKeyId !== leadKeyId) return sealFailure('SEAL_RECEIPT_SIGNATURE');
  const key = await importPublicJwk(expect.lead.signing, 'ECDSA');
  const valid = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signatureBytes, signedBytes(body));
  if (!valid) return sealFailure('SEAL_RECEIPT_SIGNATURE');
  if (body.teamId !== expect.teamId) return sealFailure('SEAL_RECEIPT_OTHER_TEAM', { teamId: body.teamId });
  if (body.deviceId !== expect.deviceId) return sealFailure('SEAL_RECEIPT_OTHER_DEVICE', { deviceId: body.deviceId });
  return ok({
    receipts: body.receipts,
    issuedAt: body.issuedAt,
    ...(body.fileId === undefined ? {} : { fileId: body.fileId }),
  });
}
