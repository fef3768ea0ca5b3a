import { useEffect, useState } from 'preact/hooks';
import type { SyncState } from '../sync/sync-controller.ts';
import { formatAge } from '../i18n/format.ts';
import { useLang } from '../i18n/ui.ts';
import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';

export type Connection = 'offline' | 'unreachable' | 'online' | 'unknown';

/**
 * What the header says of the link: the browser's "offline" is believed at once; otherwise the
 * last sync tells (a hub that is down, a captive Wi-Fi: the browser says online, nothing answers).
 */
export function connectionOf(online: boolean, sync: SyncState): Connection {
  if (!online) return 'offline';
  const status = sync.report?.status;
  if (status === undefined) return 'unknown';
  if (status === 'offline' || status === 'server-unavailable') return 'unreachable';
  return 'online';
}

const WORDS = { offline: 'netOffline', unreachable: 'netUnreachable', online: 'netOnline', unknown: 'netUnknown' } as const;

/** Under the header: online or not, and when the last sync was. */
export function ConnectionStatus() {
  const { t, lang } = useLang();
  const session = useSession();
  const [online, setOnline] = useState(session.network.online());
  const [sync, setSync] = useState<SyncState>(session.sync.state());
  useEffect(() => session.network.subscribe(setOnline), [session.network]);
  useEffect(() => session.sync.subscribe(setSync), [session.sync]);
  const lastSyncAt = useLive(() => session.outbox.getState('lastSyncAt'), [session.outbox]);
  if (session.mode === 'training' && !session.device.serverUrl) return null;
  const connection = connectionOf(online, sync);
  const syncedText = (at: string) => {
    const now = session.clock();
    return now.getTime() - Date.parse(at) < 60_000 ? t('netSyncedJustNow') : t('netLastSync', { age: formatAge(lang, at, now) });
  };
  return (
    <p class={`net net-${connection}`} data-testid="connection" aria-live="polite">
      <span class="net-dot" aria-hidden="true" />
      {t(WORDS[connection])}
      {lastSyncAt && ` · ${syncedText(lastSyncAt)}`}
      {sync.running && ` · ${t('netSyncing')}`}
    </p>
  );
}
