import { useEffect, useState } from 'preact/hooks';
import { href } from '../router/router.ts';
import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';
import { useT } from '../i18n/ui.ts';
import { ExportBatchButton } from './batch-export.tsx';
import { storageUse, unsyncedTooLong, type StorageUse } from '../store/persistence.ts';

/**
 * The risks a volunteer must act on: records waiting too long (with the batch-file export right
 * there), storage nearly full.
 */
export function Warnings() {
  const t = useT();
  const session = useSession();
  const counts = useLive(() => session.outbox.counts(), [session.outbox]);
  const [use, setUse] = useState<StorageUse | undefined>(undefined);
  useEffect(() => {
    void storageUse(session.storage).then(setUse);
  }, [session, counts?.pending]);
  const stale = unsyncedTooLong(counts?.oldestQueuedAt, session.clock());
  if (!stale && !use?.warn) return null;
  return (
    <div class="warnings" role="alert">
      {stale && (
        <div class="notice notice-warn">
          <p>
            {t('unsyncedWarn')} <a href={href({ name: 'outbox' })}>{t('navOutbox')}</a>
          </p>
          {/* Records this old are at risk: the way out is one tap away, in the warning itself. */}
          <ExportBatchButton id="warning-batch-export" />
        </div>
      )}
      {use?.warn && <p class="notice notice-warn">{t('storageWarn', { percent: Math.round(use.share * 100) })}</p>}
    </div>
  );
}
