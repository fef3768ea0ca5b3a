import type { WireRecord } from '../../shared/sync/protocol.ts';
import type { ServerPolicy } from './policy.ts';
import type { RecordRevision, RecordStore } from './record-store.ts';
import { dossierCode, receiptNumber, sequenceName } from './server-refs.ts';

/**
 * What a server does with a revision it accepts. The province (the sandbox) numbers it, will
 * decide it, and tells devices it received it; a relay (the LAN hub, issue #5) only keeps it for
 * the team lead's review: it gives no province reference and decides nothing, so a phone never
 * mistakes the laptop's receipt for the province's.
 */
export interface Reception {
  /** The reference a new record gets in its receipt, or null when this server gives none. */
  reference(record: WireRecord, now: number): string | null;
  /** When the province takes the record up (ms), or null when it never does here. */
  dueAt(record: WireRecord, now: number): number | null;
  /** Called inside the batch transaction once the revision is written. */
  accepted(revision: RecordRevision): void;
}

/** Only e-ID applications and dossiers are decided; residents and households are just received. */
function isDecided(record: WireRecord): boolean {
  return record.type === 'eid' || record.type === 'dossier';
}

export function provinceReception(store: RecordStore, policy: ServerPolicy): Reception {
  return {
    reference(record, now) {
      if (record.type === 'dossier') {
        return dossierCode(policy.agencyCode, now, store.nextSequence(sequenceName('dossier', now)));
      }
      return receiptNumber(now, store.nextSequence(sequenceName('receipt', now)));
    },
    dueAt: (record, now) => (isDecided(record) ? now + policy.decideAfterMs : null),
    accepted(revision) {
      store.appendEvent({
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

/**
 * The hub's reception: the revision goes into the journal the lead's workspace reads with a
 * cursor; /v1/updates carries only the decisions the lead relays from the province.
 */
export function relayReception(store: RecordStore): Reception {
  return {
    reference: () => null,
    dueAt: () => null,
    accepted: (revision) => store.journal(revision),
  };
}
