import type { RecordEnvelope } from '../domain/records.ts';
import { hashPayload } from './canonical.ts';
import type { WireRecord } from './protocol.ts';

/**
 * The exact wire form of a domain record, as a store queues it in the outbox: what is hashed,
 * sent and receipted is then the same thing on every retry.
 */
export async function toWireRecord(envelope: RecordEnvelope): Promise<WireRecord> {
  return wireRecordOf(envelope, await hashPayload(envelope.payload));
}

/**
 * The wire form, given the payload's hash (`hashPayload`, or the same SHA-256 of the same
 * canonical JSON computed synchronously where thousands are made in one transaction). The
 * device's clock offset travels with the record through every hop, so whoever reads its times
 * can tell a skewed clock.
 */
export function wireRecordOf(envelope: RecordEnvelope, hash: string): WireRecord {
  const record: WireRecord = {
    id: envelope.id,
    type: envelope.type,
    rev: envelope.rev,
    hash,
    payload: envelope.payload,
    attachments: attachmentsOf(envelope),
    consent: envelope.consent,
    createdAt: envelope.createdAt,
    updatedAt: envelope.updatedAt,
    training: envelope.training,
  };
  return envelope.clockOffsetMs === undefined ? record : { ...record, clockOffsetMs: envelope.clockOffsetMs };
}

/**
 * Every attachment the server must hold before it may accept the record: document photos, the
 * portrait, the drawn consent signature. Sorted and unique, so the list hashes the same way.
 */
export function attachmentsOf(envelope: RecordEnvelope): string[] {
  const hashes = new Set<string>();
  if (envelope.consent?.signatureSha256 !== undefined) hashes.add(envelope.consent.signatureSha256);
  if (envelope.type === 'dossier') for (const document of envelope.payload.documents) hashes.add(document.sha256);
  if (envelope.type === 'eid' && envelope.payload.portraitSha256 !== undefined) hashes.add(envelope.payload.portraitSha256);
  return [...hashes].sort();
}
