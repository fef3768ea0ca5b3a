import { useT } from '../i18n/ui.ts';
import type { RecordStatus } from '../store/types.ts';

/** A status in the glossary's one word, coloured by what the volunteer must do about it. */
export function StatusBadge({ status }: { readonly status: RecordStatus }) {
  const t = useT();
  return (
    <span class={`status status-${status}`} data-status={status}>
      {t(`status_${status}`)}
    </span>
  );
}
