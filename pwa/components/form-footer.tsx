import { useT } from '../i18n/ui.ts';

export interface FormFooterProps {
  readonly busy: boolean;
  readonly problemCount: number;
  readonly showProblems: boolean;
  readonly failure?: string | undefined;
  readonly label?: string;
}

/** The save button, and above it what stops the save, said once for the whole form. */
export function FormFooter({ busy, problemCount, showProblems, failure, label }: FormFooterProps) {
  const t = useT();
  return (
    <div class="form-footer">
      {showProblems && problemCount > 0 && (
        <p class="notice notice-error" role="alert">
          {t('fixErrors', { count: problemCount })}
        </p>
      )}
      {failure && (
        <p class="notice notice-error" role="alert">
          {t('saveFailed', { reason: failure })}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy}>
        {busy ? t('saving') : (label ?? t('save'))}
      </button>
    </div>
  );
}
