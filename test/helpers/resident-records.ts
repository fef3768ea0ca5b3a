import type { Consent } from '../../shared/domain/consent.ts';
import type { Resident } from '../../shared/domain/records.ts';
import { findCommune } from '../../shared/catalog/communes.ts';
import { canonicalSha256 as payloadHash } from '../../cli/hashing/sha256.ts';
import { createSeededIds } from '../../shared/sync/ids.ts';
import type { WireRecord } from '../../shared/sync/protocol.ts';
import { fixtureCommunes } from '../../fixtures/generate/catalog-communes.ts';
import { generateFixtures } from '../../fixtures/generate/generate.ts';
import type { FixtureRow } from '../../fixtures/generate/fixture-row.ts';
import { mulberry32 } from '../../fixtures/generate/prng.ts';

/**
 * Resident records as volunteers capture them, for the soak and the sync bench: synthetic people
 * from the fixture generator (Vietnamese names, CCCD, phone, hamlet), each with its household
 * consent, an id made on the device at capture time, and the payload's hash. Valid for the
 * server's domain checks and not training records, so the sandbox stores them.
 */
export interface ResidentRecordOptions {
  readonly count: number;
  readonly seed: number;
  /** Capture starts here (epoch ms); records follow a few minutes apart, working hours only. */
  readonly startMs?: number;
}

const DEFAULT_START = Date.parse('2026-11-02T01:30:00Z');
const VOLUNTEERS = ['tnv-01', 'tnv-02', 'tnv-03', 'tnv-04', 'tnv-05'];

export function residentRecords(options: ResidentRecordOptions): WireRecord[] {
  const rows = residentRows(options.count, options.seed);
  const rng = mulberry32(options.seed ^ 0x5eed);
  let at = options.startMs ?? DEFAULT_START;
  const ids = createSeededIds(
    () => at,
    () => Math.floor(rng.next() * 4294967296) >>> 0,
  );
  const records: WireRecord[] = [];
  let givenAt = at;
  let head: FixtureRow | undefined;
  for (const row of rows) {
    // A new household: a new visit, a new consent given by its head.
    if (row.relationship === 'head' || head?.householdId !== row.householdId) {
      head = row;
      at = nextVisit(at, rng.next());
      givenAt = at;
    } else {
      at += 30_000 + Math.floor(rng.next() * 90_000);
    }
    const payload = residentPayload(row);
    const createdAt = new Date(at).toISOString();
    records.push({
      id: ids.next(),
      type: 'resident',
      rev: 1,
      hash: payloadHash(payload),
      payload,
      attachments: [],
      consent: householdConsent(head, row, givenAt),
      createdAt,
      updatedAt: createdAt,
      training: false,
    });
  }
  return records;
}

/** Exactly `count` residents, whole households from the generator cut at the end. */
function residentRows(count: number, seed: number): FixtureRow[] {
  const households = Math.ceil(count / 3) + 8;
  // A team works in its own commune: one commune per seed.
  const all = fixtureCommunes();
  const commune = all[seed % all.length];
  if (!commune) throw new Error('no communes in the catalog');
  const { rows } = generateFixtures({
    households,
    seed: `sync-${seed}`,
    communes: [commune],
    today: '2026-11-01',
    invalidRate: 0,
    retiredCodes: new Map(),
  });
  if (rows.length < count) throw new Error(`only ${rows.length} residents generated for ${count}`);
  return rows.slice(0, count);
}

function residentPayload(row: FixtureRow): Resident {
  const house = Number.parseInt(row.householdId.slice(-3), 16) % 240;
  return {
    householdId: row.householdId,
    relationship: row.relationship,
    fullName: row.fullName,
    dateOfBirth: row.dateOfBirth,
    sex: row.sex,
    ...(row.cccd === '' ? {} : { cccd: row.cccd }),
    ...(row.phone === '' ? {} : { phone: row.phone }),
    address: { provinceCode: '96', communeCode: row.communeCode, hamlet: row.hamlet, house: `Số ${house + 1}` },
  };
}

function householdConsent(head: FixtureRow, row: FixtureRow, givenAt: number): Consent {
  const commune = findCommune(row.communeCode);
  const volunteer = VOLUNTEERS[Number.parseInt(row.householdId.slice(-1), 16) % VOLUNTEERS.length] ?? 'tnv-01';
  return {
    textVersion: 'dong-y-ho-khau-2025-07',
    purposes: ['household_register'],
    dataCategories: ['identity', 'contact', 'address', 'household'],
    processor: `UBND ${commune?.fullName ?? row.communeCode}`,
    rightsShown: true,
    givenAt: new Date(givenAt).toISOString(),
    method: 'tick',
    subjectName: head.fullName,
    volunteerId: volunteer,
  };
}

/** The next household visit: 8–25 minutes later; after 17:00 in Vietnam, 07:30 the next day. */
function nextVisit(at: number, roll: number): number {
  const next = at + 480_000 + Math.floor(roll * 1_020_000);
  const hourInVietnam = new Date(next + 7 * 3_600_000).getUTCHours();
  if (hourInVietnam < 17) return next;
  const day = next - ((next + 7 * 3_600_000) % 86_400_000);
  return day + 86_400_000 + 7.5 * 3_600_000;
}

/** The payload hash, as the protocol computes it (synchronous: 10,000s of records, no promise each). */
export { payloadHash };
