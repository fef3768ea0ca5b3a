import type { WireRecord } from '../../shared/sync/protocol.ts';
import type { Journal } from './journal.ts';
import type { RecordRevision } from './record-store.ts';

/**
 * What a server does with a revision it accepts: the strategy that makes the one protocol server
 * a province (cli/sandbox/province-reception.ts: numbers it, will decide it, tells devices it
 * received it) or a relay (the LAN hub: keeps it for the team lead's review, gives no province
 * reference and decides nothing, so a phone never mistakes the laptop's receipt for the province's).
 */
export interface Reception {
  /** The reference a new record gets in its receipt, or null when this server gives none. */
  reference(record: WireRecord, now: number): string | null;
  /** When the province takes the record up (ms), or null when it never does here. */
  dueAt(record: WireRecord, now: number): number | null;
  /** Called inside the batch transaction once the revision is written. */
  accepted(revision: RecordRevision): void;
}

/**
 * The hub's reception: the revision goes into the journal the lead's workspace reads with a
 * cursor; /v1/updates carries only the decisions the lead relays from the province.
 */
export function relayReception(journal: Journal): Reception {
  return {
    reference: () => null,
    dueAt: () => null,
    accepted: (revision) => journal.noteAccepted({ teamId: revision.teamId, id: revision.id, rev: revision.rev, at: revision.receivedAt }),
  };
}
