import type Database from 'better-sqlite3';
import type { LifecycleStatus } from '../../shared/domain/lifecycle.ts';
import type { RecordType } from '../../shared/domain/records.ts';
import { t } from '../i18n/index.ts';
import type { ProvincePolicy } from './province-policy.ts';
import { hasNextStep, nextDecision, type Decision } from './province-outcomes.ts';
import type { Journal, RecordEvent } from '../protocol-server/journal.ts';
import { isoAt, type Clock } from '../protocol-server/runtime.ts';
import { vietnamIso } from './server-refs.ts';

interface DueRow {
  id: string;
  team_id: string;
  type: RecordType;
  rev: number;
  status: LifecycleStatus;
  server_ref: string;
  due_at: number;
}

const PASS_LIMIT = 1_000;
/** Each record has at most three steps left, so passes end; the cap only guards against a bug. */
const MAX_PASSES = 10_000;

/**
 * The sandbox province at work: every record whose due time has come gets its next decision,
 * stamped with that due time (not the time the decider happened to run), so a run is the same
 * whether the decider ran on its timer or lazily before /v1/updates.
 */
export function createDecider(db: Database.Database, journal: Journal, policy: ProvincePolicy, clock: Clock) {
  const due = db.prepare<[number, number], DueRow>(`
    SELECT id, team_id, type, rev, status, server_ref, due_at FROM records
    WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, id LIMIT ?`);
  const apply = db.prepare('UPDATE records SET status = ?, decided_at = ?, due_at = ? WHERE id = ?');
  const settle = db.prepare('UPDATE records SET due_at = NULL WHERE id = ?');

  const pass = db.transaction((now: number): number => {
    const rows = due.all(now, PASS_LIMIT);
    for (const row of rows) {
      const decision = nextDecision(policy.seed, row, row.due_at);
      if (!decision) {
        settle.run(row.id);
        continue;
      }
      const nextDue = hasNextStep(decision, row.type) ? row.due_at + policy.decideAfterMs : null;
      apply.run(decision.status, isoAt(row.due_at), nextDue, row.id);
      journal.appendEvent(eventFor(row, decision));
    }
    return rows.length;
  });

  return {
    /** Decides everything due by now; returns how many steps were taken. */
    run(): number {
      const now = clock.now();
      let steps = 0;
      for (let i = 0; i < MAX_PASSES; i += 1) {
        const taken = pass.immediate(now);
        steps += taken;
        if (taken === 0) break;
      }
      return steps;
    },
  };
}

function eventFor(row: DueRow, decision: Decision): RecordEvent {
  const base = {
    teamId: row.team_id,
    recordId: row.id,
    type: row.type,
    status: decision.status,
    serverRef: row.server_ref,
    at: isoAt(row.due_at),
  };
  // The province speaks Vietnamese; devices translate by `code`.
  if (decision.status === 'needs_fix' || decision.status === 'rejected') {
    return { ...base, code: decision.code, message: t('vi', `PROVINCE_${decision.code}`), appointmentAt: null };
  }
  if (decision.status === 'scheduled') {
    const local = vietnamIso(decision.appointmentMs);
    const [date = '', time = ''] = local.split('T');
    const [year, month, day] = date.split('-');
    return {
      ...base,
      code: null,
      message: t('vi', 'PROVINCE_APPOINTMENT', { time: time.slice(0, 5), date: `${day}/${month}/${year}` }),
      appointmentAt: local,
    };
  }
  return { ...base, code: null, message: null, appointmentAt: null };
}
