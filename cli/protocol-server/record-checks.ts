import * as v from 'valibot';
import {
  DossierSchema,
  EidApplicationSchema,
  HouseholdSchema,
  ResidentSchema,
  type RecordType,
} from '../../shared/domain/records.ts';
import type { WireRecord } from '../../shared/sync/protocol.ts';
import { firstProblem, type FieldProblem } from './issues.ts';

const PAYLOAD_SCHEMAS = {
  household: HouseholdSchema,
  resident: ResidentSchema,
  eid: EidApplicationSchema,
  dossier: DossierSchema,
} as const satisfies Record<RecordType, v.GenericSchema>;

/** The payload against its type's domain schema; the first problem names the field. */
export function payloadProblem(record: WireRecord): FieldProblem | undefined {
  const result = v.safeParse(PAYLOAD_SCHEMAS[record.type], record.payload, { abortPipeEarly: true });
  return result.success ? undefined : firstProblem(result.issues, 'payload');
}

/**
 * Every record holds a person's data or a household's, so every type needs a consent (docs/DOMAIN.md
 * §2: "no consent, no sync"); one the person was not told their rights for is not a consent.
 */
export function hasConsent(record: WireRecord): boolean {
  return record.consent !== null && record.consent.rightsShown;
}

/**
 * Every attachment the record needs: the ones it lists, plus those its payload and consent
 * point at (a dossier's documents, a portrait, a drawn signature), so nothing referenced can be
 * accepted while its bytes are missing.
 */
export function requiredAttachments(record: WireRecord): string[] {
  const needed = new Set(record.attachments);
  if (record.consent?.signatureSha256) needed.add(record.consent.signatureSha256);
  const payload = record.payload;
  if (record.type === 'eid' && isObject(payload) && typeof payload['portraitSha256'] === 'string') {
    needed.add(payload['portraitSha256']);
  }
  if (record.type === 'dossier' && isObject(payload) && Array.isArray(payload['documents'])) {
    for (const doc of payload['documents']) {
      if (isObject(doc) && typeof doc['sha256'] === 'string') needed.add(doc['sha256']);
    }
  }
  return [...needed];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
