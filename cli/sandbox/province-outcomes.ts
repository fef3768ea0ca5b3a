import type { LifecycleStatus } from '../../shared/domain/lifecycle.ts';
import type { RecordType } from '../../shared/domain/records.ts';
import { stableUnit } from './seeded.ts';
import { vietnamMidnight } from './server-refs.ts';

export const NEEDS_FIX_CODES = ['DOC_UNREADABLE', 'INFO_MISMATCH', 'PORTRAIT_UNCLEAR'] as const;
export const REJECTION_CODES = ['NOT_ELIGIBLE', 'DUPLICATE_APPLICATION'] as const;

/** What the province does next with a record. */
export type Decision =
  | { readonly status: 'approved' }
  | { readonly status: 'activated' }
  | { readonly status: 'needs_fix'; readonly code: (typeof NEEDS_FIX_CODES)[number] }
  | { readonly status: 'scheduled'; readonly appointmentMs: number }
  | { readonly status: 'rejected'; readonly code: (typeof REJECTION_CODES)[number] };

export interface DecidedRecord {
  readonly id: string;
  readonly rev: number;
  readonly type: RecordType;
  readonly status: LifecycleStatus;
}

/**
 * Plausible shares of first decisions: mostly approved, some sent back for a fix, some called
 * in for an appointment, few refused. A fixed record (rev > 1) is not sent back again.
 */
const SHARES = { approved: 0.7, needs_fix: 0.12, scheduled: 0.1 } as const;

/**
 * The province's next step for a record, fixed by (seed, id, rev) so a run can be replayed;
 * undefined when the province has nothing more to do with it.
 */
export function nextDecision(seed: number, record: DecidedRecord, atMs: number): Decision | undefined {
  switch (record.status) {
    case 'received':
      return firstDecision(seed, record, atMs);
    case 'scheduled':
      return { status: 'approved' };
    case 'approved':
      // An approved e-ID application ends with the account activated; a dossier ends approved.
      return record.type === 'eid' ? { status: 'activated' } : undefined;
    default:
      return undefined;
  }
}

function firstDecision(seed: number, record: DecidedRecord, atMs: number): Decision {
  const draw = stableUnit(seed, record.id, record.rev, 'decision');
  const pick = stableUnit(seed, record.id, record.rev, 'detail');
  if (draw < SHARES.approved) return { status: 'approved' };
  if (draw < SHARES.approved + SHARES.needs_fix) {
    if (record.rev > 1) return { status: 'approved' };
    const codes = record.type === 'eid' ? (['PORTRAIT_UNCLEAR', 'INFO_MISMATCH'] as const) : (['DOC_UNREADABLE', 'INFO_MISMATCH'] as const);
    return { status: 'needs_fix', code: codes[pick < 0.6 ? 0 : 1] };
  }
  if (draw < SHARES.approved + SHARES.needs_fix + SHARES.scheduled) {
    return { status: 'scheduled', appointmentMs: appointmentAfter(atMs, pick) };
  }
  return { status: 'rejected', code: REJECTION_CODES[pick < 0.5 ? 0 : 1] };
}

/** Whether the province takes another step after this decision (so it gets a due time). */
export function hasNextStep(decision: Decision, type: RecordType): boolean {
  return decision.status === 'scheduled' || (decision.status === 'approved' && type === 'eid');
}

/** 2–4 working days later (Monday–Friday in Vietnam), at 08:00 or 14:00 local time. */
export function appointmentAfter(atMs: number, pick: number): number {
  const DAY = 86_400_000;
  let day = vietnamMidnight(atMs);
  let workingDays = 2 + Math.floor(pick * 3);
  while (workingDays > 0) {
    day += DAY;
    // getUTCDay of local midnight + 12 h is the Vietnamese weekday.
    const weekday = new Date(day + 7 * 3_600_000 + 12 * 3_600_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) workingDays -= 1;
  }
  const hour = Math.floor(pick * 1000) % 2 === 0 ? 8 : 14;
  return day + hour * 3_600_000;
}
