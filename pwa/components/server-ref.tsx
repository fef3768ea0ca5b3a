import { useT } from '../i18n/ui.ts';

/** The province's code, large, to turn the phone round and show the resident. */
export function ServerRef({ value }: { readonly value: string }) {
  const t = useT();
  return (
    <div class="server-ref">
      <p>{t('recordCode')}</p>
      <output class="ref-big" data-testid="server-ref">
        {value}
      </output>
      <p class="muted">{t('recordCodeShow')}</p>
    </div>
  );
}
