import { href } from '../router/router.ts';
import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';
import { formatAge } from '../i18n/format.ts';
import { useLang } from '../i18n/ui.ts';

/** Always in the header: how many records wait, and for how long the oldest has. */
export function OutboxBadge() {
  const { t, lang } = useLang();
  const session = useSession();
  const counts = useLive(() => session.outbox.counts(), [session.outbox]);
  if (!counts) return null;
  const waiting = counts.pending > 0;
  return (
    <a class={waiting ? 'badge badge-waiting' : 'badge'} href={href({ name: 'outbox' })} data-testid="outbox-badge">
      {waiting ? t('outboxBadge', { count: counts.pending }) : t('outboxBadgeEmpty')}
      {counts.oldestQueuedAt !== undefined && (
        <small>· {t('outboxBadgeOldest', { age: formatAge(lang, counts.oldestQueuedAt, session.clock()) })}</small>
      )}
      {counts.quarantined > 0 && <small class="badge-bad">· {t('quarantinedBadge', { count: counts.quarantined })}</small>}
    </a>
  );
}
