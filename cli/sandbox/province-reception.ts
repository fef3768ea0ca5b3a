import type { WireRecord } from '../../shared/sync/protocol.ts';
import type { Journal } from '../protocol-server/journal.ts';
import type { Reception } from '../protocol-server/reception.ts';
import type { RecordStore } from '../protocol-server/record-store.ts';
import type { ProvincePolicy } from './province-policy.ts';
import { dossierCode, receiptNumber, sequenceName } from './server-refs.ts';

/** Only e-ID applications and dossiers are decided; residents and households are just received. */
function isDecided(record: WireRecord): boolean {
  return record.type === 'eid' || record.type === 'dossier';
}

/** The province's reception: a receipt number or dossier code, a due time, a "received" event. */
export function provinceReception(store: RecordStore, journal: Journal, policy: ProvincePolicy): Reception {
  return {
    reference(record, now) {
      if (record.type === 'dossier') {
        return dossierCode(policy.agencyCode, now, store.nextSequence(sequenceName('dossier', now)));
      }
      return receiptNumber(now, store.nextSequence(sequenceName('receipt', now)));
    },
    dueAt: (record, now) => (isDecided(record) ? now + policy.decideAfterMs : null),
    accepted(revision) {
      journal.appendEvent({
        teamId: revision.teamId,
        recordId: revision.id,
        type: revision.type,
        status: 'received',
        serverRef: revision.serverRef,
        code: null,
        message: null,
        appointmentAt: null,
        at: revision.receivedAt,
      });
    },
  };
}
