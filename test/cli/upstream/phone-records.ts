import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { importWireRecords } from '../../../cli/intake/import-wire-records.ts';
import { withWorkspace } from '../../../cli/workspace/workspace-db.ts';
import type { WireRecord } from '../../../shared/sync/protocol.ts';
import { payloadHash, residentRecords } from '../../helpers/resident-records.ts';

/**
 * What volunteers' phones send: synthetic residents with their household's consent, and for
 * every adult with a phone of their own an e-ID application (level 2, chip card in hand), with
 * the same consent. The province decides e-ID applications; residents it only receives.
 */
export function phoneRecords(residents: number, seed: number): WireRecord[] {
  const people = residentRecords({ count: residents, seed });
  const applications = people.flatMap((person): WireRecord[] => {
    const payload = person.payload as { readonly phone?: string; readonly cccd?: string };
    if (payload.phone === undefined || payload.cccd === undefined) return [];
    const eid = { residentId: person.id, level: 2, ownPhone: payload.phone, chipCardInHand: true, status: 'sent' };
    // Consent is per purpose: the application asks for its own.
    const consent = person.consent === null ? null : { ...person.consent, purposes: ['eid_registration' as const] };
    return [{ ...person, id: uuidv7(), type: 'eid', hash: payloadHash(eid), payload: eid, consent }];
  });
  return [...people, ...applications];
}

/**
 * Puts phone records into the lead's review queue in-process, as a sealed batch file from a
 * phone lands there (cli/intake/import-wire-records.ts): faster than a hub for tests that only
 * need consented records waiting for review.
 */
export async function queueFromPhone(workspace: string, records: readonly WireRecord[]): Promise<void> {
  await withWorkspace({ workspace, env: {} }, ({ db }) => {
    const file = JSON.stringify(records);
    importWireRecords(
      db,
      {
        deviceId: 'phone-tnv-01',
        file: { name: 'phone.langso', sha256: createHash('sha256').update(file).digest('hex') },
        records,
        attachments: [],
      },
      { today: '2026-11-27', now: () => new Date().toISOString(), ids: { next: uuidv7 } },
    );
  });
}

/** Every CCCD in a fixtures file: none may appear in full in anything the CLI prints. */
export function cccdsOf(fixturesFile: string): string[] {
  const rows = JSON.parse(readFileSync(fixturesFile, 'utf8')) as { cccd?: string }[];
  return rows.flatMap((row) => (row.cccd ? [row.cccd] : []));
}
