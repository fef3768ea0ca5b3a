import type { Lang } from '../i18n/index.ts';
import type { CatalogReport } from '../../shared/sync/pull-catalog.ts';
import type { QuarantinedEntry } from '../../shared/sync/outbox-store.ts';
import type { SyncReport } from '../../shared/sync/sync-report.ts';
import type { RecordLabel } from './record-labels.ts';
import { problemText, reasonText } from './reason-text.ts';
import { syncOutcome, type Outcome } from './sync-outcome.ts';

export interface QuarantinedRecord {
  readonly id: string;
  readonly rev: number;
  readonly type: string;
  readonly name: string | null;
  /** Masked. */
  readonly cccd: string | null;
  /** The server's own words about this record (e.g. which field is invalid), when it gave some. */
  readonly message: string | null;
}

/** Records set aside for one reason: quarantined (wait for a fix) or deferred (retried next run). */
export interface ReasonGroup<R> {
  readonly code: string;
  readonly text: string;
  readonly records: readonly R[];
}

export type CatalogOutcome =
  | { readonly status: 'updated' | 'unchanged' | 'not-asked' }
  | { readonly status: 'failed'; readonly reason: string };

export interface SyncSummary {
  readonly server: string;
  readonly report: SyncReport;
  readonly outcome: Outcome;
  /** Every quarantined record in the outbox (this run's and earlier), by reason. */
  readonly quarantined: readonly ReasonGroup<QuarantinedRecord>[];
  /** Records this run left for the next one, by reason. */
  readonly deferred: readonly ReasonGroup<{ readonly id: string; readonly rev: number }>[];
  readonly catalog: CatalogOutcome;
}

export interface SummaryInput {
  readonly lang: Lang;
  readonly server: string;
  readonly report: SyncReport;
  readonly quarantined: readonly QuarantinedEntry[];
  readonly labels: ReadonlyMap<string, RecordLabel>;
  readonly catalog: CatalogReport | undefined;
}

/** What a sync run came to, in the terms the lead reads: counts, reasons, what to do next. */
export function summariseSync(input: SummaryInput): SyncSummary {
  const { lang, report, labels } = input;
  const quarantined = groupBy(input.quarantined, (entry) => entry.reason.code).map(([code, entries]) => ({
    code,
    text: reasonText(lang, code, entries[0]?.reason.message),
    records: entries.map((entry) => {
      const label = labels.get(entry.id);
      return {
        id: entry.id,
        rev: entry.rev,
        type: entry.type,
        name: label?.name ?? null,
        cccd: label?.cccd ?? null,
        message: entry.reason.message ?? null,
      };
    }),
  }));
  const deferredReasons = report.reasons.filter((reason) => !reason.quarantined);
  const deferred = groupBy(deferredReasons, (reason) => reason.code).map(([code, reasons]) => ({
    code,
    text: reasonText(lang, code, reasons[0]?.message),
    records: reasons.map(({ id, rev }) => ({ id, rev })),
  }));
  return {
    server: input.server,
    report,
    outcome: syncOutcome(lang, input.server, report),
    quarantined,
    deferred,
    catalog: catalogOutcome(lang, input.catalog),
  };
}

function catalogOutcome(lang: Lang, report: CatalogReport | undefined): CatalogOutcome {
  if (report === undefined) return { status: 'not-asked' };
  switch (report.status) {
    case 'updated':
    case 'unchanged':
      return { status: report.status };
    default:
      return { status: 'failed', reason: problemText(lang, report.problem) || report.status };
  }
}

/** Groups in order of first appearance. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups];
}
