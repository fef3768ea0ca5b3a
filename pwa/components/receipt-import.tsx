import { useState } from 'preact/hooks';
import { useSession } from '../session/session.ts';
import { useLang } from '../i18n/ui.ts';
import { useDomainWords } from '../i18n/domain-words.ts';
import { blockerText, isBatchFileBlocker } from '../seal/readiness.ts';
import { useBatchFileBlocker } from './use-batch-file-blocker.ts';

type ImportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'refused'; readonly text: string };

/**
 * "Nhập biên nhận": the lead's signed receipt file, chosen from the phone's files. Checked with
 * the lead's key before anything changes (the checking code loads on the choice); a valid file
 * lets its records leave the outbox, as a sync would.
 */
export function ReceiptImport() {
  const { t } = useLang();
  const session = useSession();
  const words = useDomainWords();
  const blocker = useBatchFileBlocker('receipts');
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  const take = async (file: File | undefined) => {
    if (!file) return;
    setState({ kind: 'busy' });
    try {
      const { importReceiptFile } = await import('../seal/import-receipts.ts');
      const outcome = await importReceiptFile(session.db, session.device, file, session.clock());
      if (outcome.ok) {
        const { cleared, held, known } = outcome.value;
        setState({ kind: 'done', text: t('receiptsDone', { cleared, held, known }) });
      } else if (isBatchFileBlocker(outcome.code)) {
        setState({ kind: 'refused', text: t(blockerText(session.mode, outcome.code)) });
      } else {
        setState({ kind: 'refused', text: t('receiptsRefused', { reason: words(outcome.code, outcome.params), code: outcome.code }) });
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setState({ kind: 'refused', text: t('receiptsRefused', { reason: words('INTERNAL', { reason }), code: 'INTERNAL' }) });
    }
  };

  const disabled = state.kind === 'busy' || (blocker !== undefined && blocker !== null);
  return (
    <div class="receipt-import">
      <label class={disabled ? 'button button-disabled' : 'button'} for="receipt-file">
        {state.kind === 'busy' ? t('receiptsImporting') : t('receiptsImport')}
      </label>
      <input
        id="receipt-file"
        class="sr-only"
        type="file"
        accept=".json,application/json"
        aria-describedby="receipt-file-hint"
        disabled={disabled}
        onChange={(e) => {
          const input = e.currentTarget;
          void take(input.files?.[0]).then(() => {
            input.value = '';
          });
        }}
      />
      <p class="muted" id="receipt-file-hint">
        {blocker ? t(blockerText(session.mode, blocker)) : t('receiptsImportHint')}
      </p>
      {state.kind === 'done' && (
        <p class="notice notice-ok" role="status" data-testid="receipts-outcome">
          {state.text}
        </p>
      )}
      {state.kind === 'refused' && (
        <p class="notice notice-error" role="alert" data-testid="receipts-outcome">
          {state.text}
        </p>
      )}
    </div>
  );
}
