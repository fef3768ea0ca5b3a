import * as v from 'valibot';
import { uuidv7 } from 'uuidv7';
import type { Consent } from '../../shared/domain/consent.ts';
import { RecordEnvelopeSchema, type RecordEnvelope, type RecordOf, type RecordType } from '../../shared/domain/records.ts';

/** Who is writing, and when: the same for every record saved in one session. */
export interface Author {
  readonly deviceId: string;
  readonly training: boolean;
  readonly now: Date;
  /** Server clock minus device clock at the last sync, when known. */
  readonly clockOffsetMs?: number;
}

type PayloadOf<T extends RecordType> = RecordOf<T>['payload'];

/**
 * A new record in its envelope, checked against the domain schema: a bug that would build a
 * record the server must refuse fails here, on the device, before anything is saved.
 */
export function newRecord<T extends RecordType>(type: T, payload: PayloadOf<T>, consent: Consent, author: Author): RecordEnvelope {
  const at = author.now.toISOString();
  return v.parse(RecordEnvelopeSchema, {
    id: uuidv7(),
    type,
    rev: 1,
    createdAt: at,
    updatedAt: at,
    ...(author.clockOffsetMs === undefined ? {} : { clockOffsetMs: author.clockOffsetMs }),
    deviceId: author.deviceId,
    training: author.training,
    consent,
    payload,
  });
}

/** The next rev of a record with a changed payload (and a new consent when one was given). */
export function revisedRecord<T extends RecordType>(
  previous: RecordOf<T>,
  payload: PayloadOf<T>,
  author: Author,
  consent?: Consent,
): RecordEnvelope {
  return v.parse(RecordEnvelopeSchema, {
    ...previous,
    rev: previous.rev + 1,
    updatedAt: author.now.toISOString(),
    ...(author.clockOffsetMs === undefined ? {} : { clockOffsetMs: author.clockOffsetMs }),
    consent: consent ?? previous.consent,
    payload,
  });
}

/** Narrows a record to one type, for screens that open a record by id. */
export function isRecordOf<T extends RecordType>(record: RecordEnvelope | undefined, type: T): record is RecordOf<T> {
  return record?.type === type;
}
