import * as v from 'valibot';
import { RecordEnvelopeSchema, type RecordEnvelope } from '../../shared/domain/records.ts';
import type { WireRecord } from '../../shared/sync/protocol.ts';
import { attachmentsOf } from '../../shared/sync/wire-record.ts';
import { canonicalSha256 } from './hash.ts';
import type { RecordRow } from './record-row.ts';

/** The domain envelope of a stored valid record, parsed (a row that does not parse is not sent). */
export function envelopeOf(row: RecordRow): RecordEnvelope | undefined {
  if (row.payload === null) return undefined;
  const parsed = v.safeParse(RecordEnvelopeSchema, {
    id: row.id,
    type: row.type,
    rev: row.rev,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deviceId: row.device_id,
    training: row.training === 1,
    consent: row.consent === null ? null : JSON.parse(row.consent),
    payload: JSON.parse(row.payload),
  });
  return parsed.success ? parsed.output : undefined;
}

/**
 * The wire form queued when the lead approves a record: the same shape as the shared
 * `toWireRecord`, with the payload hash computed synchronously (node:crypto over the same
 * canonical JSON), so approving thousands of records needs no per-record await.
 */
export function wireRecordOf(envelope: RecordEnvelope): WireRecord {
  return {
    id: envelope.id,
    type: envelope.type,
    rev: envelope.rev,
    hash: canonicalSha256(envelope.payload),
    payload: envelope.payload,
    attachments: attachmentsOf(envelope),
    consent: envelope.consent,
    createdAt: envelope.createdAt,
    updatedAt: envelope.updatedAt,
    training: envelope.training,
  };
}
