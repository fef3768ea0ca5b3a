import { isCliMessageCode, t, type Lang } from '../i18n/index.ts';
import type { Update } from '../../shared/sync/protocol.ts';
import type { PullReport } from '../../shared/sync/pull-updates.ts';
import { formatVietnamTime } from '../output/time.ts';
import type { RecordLabel } from './record-labels.ts';
import { pullOutcome, type Outcome } from './sync-outcome.ts';

/** One decision of the province, as `langso updates` shows it. */
export interface DecisionChange {
  readonly id: string;
  readonly type: string;
  readonly name: string | null;
  /** Masked. */
  readonly cccd: string | null;
  readonly status: string;
  readonly serverRef: string | null;
  readonly code: string | null;
  /** Why (needs_fix, rejected) or when to come (scheduled), in the lead's language. */
  readonly reason: string | null;
  readonly appointmentAt: string | null;
  readonly at: string;
}

export interface UpdatesSummary {
  readonly server: string;
  readonly report: PullReport;
  readonly outcome: Outcome;
  /** Every update that arrived, in order (a record may move several steps in one pull). */
  readonly changes: readonly DecisionChange[];
  /** Where each record stands now: its last update. */
  readonly latest: readonly DecisionChange[];
  /** Decisions the hub's phones had not seen yet. */
  readonly relayed: number;
}

export interface UpdatesInput {
  readonly lang: Lang;
  readonly server: string;
  readonly report: PullReport;
  readonly updates: readonly Update[];
  readonly labels: ReadonlyMap<string, RecordLabel>;
  readonly relayed: number;
}

export function summariseUpdates(input: UpdatesInput): UpdatesSummary {
  const { lang, labels } = input;
  const changes = input.updates.map((update): DecisionChange => {
    const label = labels.get(update.id);
    return {
      id: update.id,
      type: update.type,
      name: label?.name ?? null,
      cccd: label?.cccd ?? null,
      status: update.status,
      serverRef: update.serverRef ?? null,
      code: update.code ?? null,
      reason: reasonOf(lang, update),
      appointmentAt: update.appointmentAt ?? null,
      at: update.at,
    };
  });
  const latest = new Map<string, DecisionChange>();
  for (const change of changes) {
    latest.delete(change.id);
    latest.set(change.id, change);
  }
  return {
    server: input.server,
    report: input.report,
    outcome: pullOutcome(lang, input.server, input.report),
    changes,
    latest: [...latest.values()],
    relayed: input.relayed,
  };
}

/** The province's reason in the lead's language (its codes have words here), else its own words. */
function reasonOf(lang: Lang, update: Update): string | null {
  if (update.status === 'scheduled' && update.appointmentAt !== undefined) {
    return t(lang, 'UPDATES_CLI_APPOINTMENT', { at: formatVietnamTime(update.appointmentAt) });
  }
  if (update.code === undefined) return update.message ?? null;
  const own = `PROVINCE_${update.code}`;
  return isCliMessageCode(own) ? t(lang, own) : (update.message ?? update.code);
}
