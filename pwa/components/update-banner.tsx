import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../session/session.ts';
import { useT } from '../i18n/ui.ts';

/** A new version of the app, installed and waiting for the volunteer's tap. */
export interface UpdateOffer {
  apply(): void;
}

/**
 * Offers a new version. The reload is refused while a form holds unsaved changes: the volunteer
 * saves first, then taps. Saved records survive any update (schema versions migrate forward).
 */
export function UpdateBanner({ offer }: { readonly offer: UpdateOffer }) {
  const t = useT();
  const { dirty } = useSession();
  const [isDirty, setDirty] = useState(dirty.get());
  useEffect(() => dirty.subscribe(setDirty), [dirty]);
  return (
    <div class="update-banner" role="status" aria-live="polite">
      <span>{isDirty ? t('updateWaitForSave') : t('updateReady')}</span>
      <button type="button" class="button" disabled={isDirty} onClick={() => !dirty.get() && offer.apply()}>
        {t('updateApply')}
      </button>
    </div>
  );
}
