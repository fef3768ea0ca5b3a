import { useLang } from '../i18n/ui.ts';
import { formatDateTime } from '../i18n/format.ts';

/** Said at the top of a form that opened on its draft, with the way back to a clean form. */
export function DraftNotice({ savedAt, onDiscard }: { readonly savedAt: string; readonly onDiscard: () => void }) {
  const { t, lang } = useLang();
  return (
    <div class="notice" data-testid="draft-restored">
      <p>{t('draftRestored', { time: formatDateTime(lang, savedAt) })}</p>
      <button type="button" class="button" onClick={onDiscard}>
        {t('draftDiscard')}
      </button>
    </div>
  );
}
