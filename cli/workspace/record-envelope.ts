import * as v from 'valibot';
import { RecordEnvelopeSchema, type RecordEnvelope } from '../../shared/domain/records.ts';
import type { WireRecord } from '../../shared/sync/protocol.ts';
import { wireRecordOf } from '../../shared/sync/wire-record.ts';
import { canonicalSha256 } from '../hashing/sha256.ts';
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
    ...(row.clock_offset_ms === null ? {} : { clockOffsetMs: row.clock_offset_ms }),
    consent: row.consent === null ? null : JSON.parse(row.consent),
    payload: JSON.parse(row.payload),
  });
  return parsed.success ? parsed.output : undefined;
}

/**
 * The wire form queued when the lead approves a record: the shared one, with the payload hash
 * computed synchronously, so approving thousands of records needs no per-record await.
 */
export function leadWireRecord(envelope: RecordEnvelope): WireRecord {
  return wireRecordOf(envelope, canonicalSha256(envelope.payload));
}
