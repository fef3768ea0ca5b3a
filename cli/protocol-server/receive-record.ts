import type { Lang, Params } from '../i18n/index.ts';
import type { ProtocolErrorCode, Receipt, WireRecord } from '../../shared/sync/protocol.ts';
import type { ServerPolicy } from './policy.ts';
import { hasConsent, payloadProblem, requiredAttachments } from './record-checks.ts';
import type { Reception } from './reception.ts';
import type { RecordRevision, RecordStore, StoredRecord } from './record-store.ts';
import { isoAt } from './runtime.ts';
import { wireMessage } from './wire-language.ts';

export interface ReceiveDeps {
  readonly store: RecordStore;
  readonly hasAttachment: (sha256: string) => boolean;
  readonly policy: ServerPolicy;
  /** The province's way with an accepted record, or the hub's (see reception.ts). */
  readonly reception: Reception;
}

/** The batch a record arrived in. */
export interface BatchScope {
  readonly teamId: string;
  readonly deviceId: string;
  readonly batchId: string;
  readonly now: number;
  readonly lang: Lang;
}

/** The province still lets the device replace these (docs/DOMAIN.md). */
const EDITABLE_ON_SERVER = new Set(['received', 'needs_fix']);

/**
 * Decides one record's receipt and writes what it accepts. Runs inside the batch transaction;
 * a refused record writes nothing. `computedHash` is the payload's canonical hash (canonicalSha256).
 */
export function receiveRecord(deps: ReceiveDeps, scope: BatchScope, record: WireRecord, computedHash: string): Receipt {
  const { store, policy } = deps;
  const refuse = (status: 'rejected' | 'conflict', code: ProtocolErrorCode, params: Params = {}): Receipt => ({
    id: record.id,
    rev: record.rev,
    status,
    code,
    message: wireMessage(scope.lang, code, params),
  });

  if (record.training && !policy.acceptTraining) return refuse('rejected', 'TRAINING_RECORD');
  const stored = store.get(record.id);
  if (stored && stored.teamId !== scope.teamId) return refuse('rejected', 'OTHER_TEAM');
  if (computedHash !== record.hash) return refuse('rejected', 'HASH_MISMATCH', { what: 'payload' });
  const problem = payloadProblem(record);
  if (problem) return refuse('rejected', 'RECORD_INVALID', { field: problem.field, reason: problem.reason });
  if (!hasConsent(record)) return refuse('rejected', 'CONSENT_MISSING');

  if (stored) {
    const versus = compareWithStored(record, stored);
    if (versus === 'duplicate') {
      return withRef({ id: record.id, rev: record.rev, status: 'duplicate' }, stored.serverRef);
    }
    if (versus === 'conflict') return refuse('conflict', 'REV_CONFLICT', { rev: record.rev, storedRev: stored.rev });
    if (!EDITABLE_ON_SERVER.has(stored.status)) return refuse('conflict', 'NOT_EDITABLE', { status: stored.status });
  }

  const missing = requiredAttachments(record).filter((sha256) => !deps.hasAttachment(sha256));
  if (missing.length > 0) {
    return { ...refuse('rejected', 'ATTACHMENT_MISSING', { count: missing.length }), missing };
  }

  const serverRef = stored ? stored.serverRef : deps.reception.reference(record, scope.now);
  const revision: RecordRevision = {
    id: record.id,
    teamId: scope.teamId,
    deviceId: scope.deviceId,
    batchId: scope.batchId,
    type: record.type,
    rev: record.rev,
    hash: record.hash,
    payload: JSON.stringify(record.payload),
    consent: JSON.stringify(record.consent),
    attachments: JSON.stringify(record.attachments),
    training: record.training,
    clockOffsetMs: record.clockOffsetMs ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    serverRef,
    receivedAt: isoAt(scope.now),
    dueAt: deps.reception.dueAt(record, scope.now),
  };
  if (stored) store.replace(revision);
  else store.insert(revision);
  deps.reception.accepted(revision);
  return withRef({ id: record.id, rev: record.rev, status: 'accepted' }, serverRef);
}

function withRef(receipt: Receipt, serverRef: string | null): Receipt {
  return serverRef === null ? receipt : { ...receipt, serverRef };
}

/** Same rev and hash: already have it. Same rev, other content, or an older rev: conflict. */
function compareWithStored(record: WireRecord, stored: StoredRecord): 'duplicate' | 'conflict' | 'newer' {
  if (stored.type !== record.type) return 'conflict';
  if (record.rev === stored.rev) return record.hash === stored.hash ? 'duplicate' : 'conflict';
  return record.rev < stored.rev ? 'conflict' : 'newer';
}
