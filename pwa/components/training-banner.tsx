import { useT } from '../i18n/ui.ts';

/** On every screen in training mode, so no one mistakes practice for real work. */
export function TrainingBanner() {
  const t = useT();
  return (
    <div class="training-banner" role="status">
      <strong>{t('trainingBanner')}</strong> <span>{t('trainingBannerNote')}</span>
    </div>
  );
}
