import { useEffect, useState } from 'preact/hooks';
import { href } from '../router/router.ts';
import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';
import { ExportBatchButton } from '../components/batch-export.tsx';
import { ReceiptImport } from '../components/receipt-import.tsx';
import { ServerRef } from '../components/server-ref.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatAge, formatDateTime } from '../i18n/format.ts';
import { useLang, type Translate } from '../i18n/ui.ts';
import { reasonText } from '../records/reason-text.ts';
import { useDomainWords, type DomainWords } from '../i18n/domain-words.ts';
import type { StoredRecord } from '../store/types.ts';
import type { SyncState } from '../sync/sync-controller.ts';

function nameOf(record: StoredRecord | undefined, t: Translate): string {
  if (!record) return '';
  const e = record.envelope;
  const who = e.type === 'household' ? e.payload.headName : e.type === 'resident' ? e.payload.fullName : e.type === 'dossier' ? e.payload.procedureCode : t('eidLevelShort', { level: e.payload.level });
  return `${t(`type_${record.type}`)} · ${who}`;
}

/** What waits, what was refused and why, what the province answered; and the sync button. */
export function OutboxScreen() {
  const { t, lang } = useLang();
  const words = useDomainWords();
  const session = useSession();
  const view = useLive(() => session.queries.outboxView(), [session.queries]);
  const [sync, setSync] = useState<SyncState>(session.sync.state());
  useEffect(() => session.sync.subscribe(setSync), [session.sync]);
  if (!view) return <p class="loading">{t('loading')}</p>;
  const byId = new Map(view.names.map((r) => [r.id, r]));
  const now = session.clock();
  const canSync = session.mode === 'real' && session.device.serverUrl !== undefined && session.device.token !== undefined;

  return (
    <section aria-labelledby="outbox-title">
      <h1 id="outbox-title">{t('outboxTitle')}</h1>
      <dl class="figures">
        <div>
          <dt>{t('outboxPending')}</dt>
          <dd data-testid="pending-count">{view.counts.pending}</dd>
        </div>
        <div>
          <dt>{t('outboxOldest')}</dt>
          <dd>{view.counts.oldestQueuedAt ? formatAge(lang, view.counts.oldestQueuedAt, now) : '—'}</dd>
        </div>
        <div>
          <dt>{t('outboxQuarantined')}</dt>
          <dd data-testid="quarantined-count">{view.counts.quarantined}</dd>
        </div>
      </dl>
      {session.mode === 'training' && <p class="notice">{t('syncTraining')}</p>}
      {session.mode === 'real' && !canSync && <p class="notice">{t('syncNoServer')}</p>}
      {canSync && (
        <button type="button" class="button button-primary" disabled={sync.running} onClick={() => session.sync.poke('manual')}>
          {sync.running && sync.progress ? t('syncRunning', { sent: sync.progress.sent, total: sync.progress.total }) : t('syncNow')}
        </button>
      )}
      {sync.running && sync.progress && <progress max={Math.max(1, sync.progress.total)} value={sync.progress.sent} aria-label={t('syncNow')} />}
      <SyncOutcome state={sync} t={t} words={words} />
      {view.lastSyncAt && <p class="muted">{t('syncLast', { at: formatDateTime(lang, view.lastSyncAt) })}</p>}

      {view.quarantined.length > 0 && (
        <>
          <h2>{t('outboxQuarantined')}</h2>
          <ul class="cards">
            {view.quarantined.map((q) => (
              <li key={`${q.id}@${q.rev}`} class="card card-bad" data-testid="quarantined">
                <span class="card-title">{nameOf(byId.get(q.id), t)}</span>
                <span>{t('quarantineReason', { reason: reasonText(words, q.reason) })}</span>
                <div class="actions">
                  <a class="button button-primary" href={href({ name: 'edit', id: q.id })}>
                    {t('fixAndResend')}
                  </a>
                  <button type="button" class="button" onClick={() => void session.outbox.requeue(q.id)}>
                    {t('requeue')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('outboxPending')}</h2>
      {view.pending.length === 0 ? (
        <p class="empty">{t('outboxEmpty')}</p>
      ) : (
        <ul class="cards">
          {view.pending.map((row) => (
            <li key={`${row.id}@${row.rev}`}>
              <a class="card" href={href({ name: 'record', id: row.id })}>
                <span class="card-title">{nameOf(byId.get(row.id), t)}</span>
                <span class="card-sub">{formatAge(lang, row.queuedAt, now)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="batch-title">
        <h2 id="batch-title">{t('batchTitle')}</h2>
        <p>{t('batchIntro')}</p>
        <ExportBatchButton />
        {view.lastExport && <p class="muted">{t('batchLast', { at: formatDateTime(lang, view.lastExport.at), records: view.lastExport.records })}</p>}
        <h3>{t('receiptFileTitle')}</h3>
        <ReceiptImport />
      </section>

      {view.recent.length > 0 && (
        <>
          <h2>{t('receiptsTitle')}</h2>
          <ul class="cards">
            {view.recent.map((record) => (
              <li key={record.id} data-testid="receipt">
                <a class="card" href={href({ name: 'record', id: record.id })}>
                  <span class="card-title">{nameOf(record, t)}</span>
                  <StatusBadge status={record.status} />
                  {record.decision?.message && <span class="card-sub">{record.decision.message}</span>}
                </a>
                {record.serverRef && (record.type === 'dossier' || record.type === 'eid') && <ServerRef value={record.serverRef} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function SyncOutcome({ state, t, words }: { readonly state: SyncState; readonly t: Translate; readonly words: DomainWords }) {
  const report = state.report;
  if (state.running || !report) return null;
  let text: string;
  switch (report.status) {
    case 'complete':
      text = report.quarantinedTotal ? t('syncDoneWithReasons', { count: report.quarantinedTotal }) : t('syncDone');
      break;
    case 'offline':
      text = t('syncOffline');
      break;
    case 'auth-required':
      text = t('syncAuth');
      break;
    case 'partial':
      text = t('syncPartial', { count: report.remaining ?? 0 });
      break;
    default:
      // Every stop but an abort names its problem.
      text = t('syncFailed', { reason: reasonText(words, report.problem ?? { code: 'ABORTED' }) });
  }
  const bad = report.status !== 'complete';
  return (
    <>
      <p class={bad ? 'notice notice-error' : 'notice notice-ok'} role="status" data-testid="sync-outcome">
        {text}
      </p>
      {report.clockSkewMs !== undefined && (
        <p class="notice notice-warn">{t('clockSkew', { minutes: Math.round(Math.abs(report.clockSkewMs) / 60_000) })}</p>
      )}
    </>
  );
}
