import { useLang } from '../i18n/ui.ts';

/** Said where the language is chosen: English could not be downloaded yet (no signal so far). */
export function LanguageNeedsNetwork() {
  const { t, unavailable } = useLang();
  if (!unavailable) return null;
  return (
    <p class="notice notice-warn" role="status">
      {t('langNeedsNetwork')}
    </p>
  );
}
