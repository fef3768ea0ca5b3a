import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n/ui.ts';
import { usePendingLeave } from '../router/leave-guard.ts';

/** Asks before a link or the back button takes the volunteer away from a form with changes. */
export function LeaveDialog() {
  const t = useT();
  const question = usePendingLeave();
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (question) stay.current?.focus();
  }, [question !== undefined]);
  if (!question) return null;
  return (
    <div class="overlay">
      <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="leave-title" aria-describedby="leave-body">
        <h2 id="leave-title">{t('leaveTitle')}</h2>
        <p id="leave-body">{t('leaveBody')}</p>
        <div class="actions">
          <button ref={stay} type="button" class="button button-primary" onClick={question.stay}>
            {t('leaveStay')}
          </button>
          <button type="button" class="button" onClick={question.leave}>
            {t('leaveGo')}
          </button>
        </div>
      </div>
    </div>
  );
}
