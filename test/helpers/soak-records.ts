import type { WireRecord } from '../../shared/sync/protocol.ts';
import { sha256Hex } from '../../shared/sync/canonical.ts';
import { seededRandom } from './fault-proxy.ts';
import { payloadHash, residentRecords } from './resident-records.ts';

/** How a record must end: stored at the province, or quarantined on the device with this code. */
export type Expected = 'stored' | 'TRAINING_RECORD' | 'RECORD_INVALID' | 'ATTACHMENT_UNREADABLE';

export interface SoakCase {
  readonly records: WireRecord[];
  /** Attachments the device holds (drawn consent signatures), by SHA-256. */
  readonly attachments: Map<string, Uint8Array>;
  readonly expected: Map<string, Expected>;
}

/** Share of households whose consent is a drawn signature (an attachment to upload first). */
const SIGNED_SHARE = 0.03;
const TRAINING_SHARE = 0.003;
const INVALID_SHARE = 0.003;

/**
 * The soak's outbox for one seed: resident records, some with a drawn consent signature the
 * server must hold first (so HEAD and PUT cross the faults too); one signed household whose
 * signature image the device lost; a few training records and a few invalid ones (the server
 * refuses both). Each record knows how it must end.
 */
export async function soakRecords(seed: number, count: number): Promise<SoakCase> {
  const random = seededRandom(seed ^ 0xa77ac4);
  const records = residentRecords({ count, seed });
  const attachments = new Map<string, Uint8Array>();
  const expected = new Map<string, Expected>();
  let household = '';
  let signature: string | undefined;
  let lostOne = false;
  for (const [index, record] of records.entries()) {
    const householdId = householdOf(record);
    if (householdId !== household) {
      household = householdId;
      signature = undefined;
      if (random() < SIGNED_SHARE) {
        const bytes = signatureImage(random);
        signature = await sha256Hex(bytes);
        // The first signed household's image is gone from the device.
        if (lostOne) attachments.set(signature, bytes);
        lostOne = true;
      }
    }
    if (signature !== undefined && record.consent !== null) {
      records[index] = { ...record, consent: { ...record.consent, method: 'signature', signatureSha256: signature }, attachments: [signature] };
      expected.set(record.id, attachments.has(signature) ? 'stored' : 'ATTACHMENT_UNREADABLE');
      continue;
    }
    const roll = random();
    if (roll < TRAINING_SHARE) {
      records[index] = { ...record, training: true };
      expected.set(record.id, 'TRAINING_RECORD');
    } else if (roll < TRAINING_SHARE + INVALID_SHARE && isObject(record.payload)) {
      // A phone typed short: the hash matches, the domain schema does not.
      const payload = { ...record.payload, phone: '09123' };
      records[index] = { ...record, payload, hash: payloadHash(payload) };
      expected.set(record.id, 'RECORD_INVALID');
    } else {
      expected.set(record.id, 'stored');
    }
  }
  return { records, attachments, expected };
}

function householdOf(record: WireRecord): string {
  const payload = record.payload;
  return isObject(payload) && typeof payload['householdId'] === 'string' ? payload['householdId'] : record.id;
}

/** A stand-in for a drawn signature: a PNG signature and 1.5–4 KB of seeded bytes. */
function signatureImage(random: () => number): Uint8Array {
  const bytes = new Uint8Array(1_500 + Math.floor(random() * 2_500));
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < bytes.length; i += 1) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
