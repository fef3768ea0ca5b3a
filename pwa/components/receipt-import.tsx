import { useState } from 'preact/hooks';
import { useSession } from '../session/session.ts';
import { useLang } from '../i18n/ui.ts';
import { sealProblemText } from '../seal/problem-text.ts';
import { blockerText } from '../seal/readiness.ts';
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
  const blocker = useBatchFileBlocker('receipts');
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  const take = async (file: File | undefined) => {
    if (!file) return;
    setState({ kind: 'busy' });
    try {
      const { importReceiptFile } = await import('../seal/import-receipts.ts');
      const outcome = await importReceiptFile(session.db, session.device, file, session.clock());
      if (outcome.ok) {
        setState({ kind: 'done', text: t('receiptsDone', { cleared: outcome.cleared, held: outcome.held, known: outcome.known }) });
      } else if ('blocker' in outcome) {
        setState({ kind: 'refused', text: t(blockerText(session.mode, outcome.blocker)) });
      } else {
        setState({ kind: 'refused', text: t('receiptsRefused', { reason: sealProblemText(t, outcome.code, outcome.params), code: outcome.code }) });
      }
    } catch (error) {
      setState({ kind: 'refused', text: t('receiptsRefused', { reason: error instanceof Error ? error.message : String(error), code: 'ERROR' }) });
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
