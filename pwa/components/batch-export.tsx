import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../session/session.ts';
import { formatBytes } from '../i18n/format.ts';
import { useLang } from '../i18n/ui.ts';
import type { BatchFile } from '../seal/export-batch.ts';
import { shareableFile, shareFile, startDownload } from '../seal/offer-file.ts';
import { useDomainWords } from '../i18n/domain-words.ts';
import { blockerText, isBatchFileBlocker, type BatchFileBlocker } from '../seal/readiness.ts';
import { useBatchFileBlocker } from './use-batch-file-blocker.ts';

type ExportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'blocked'; readonly blocker: BatchFileBlocker }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'done'; readonly file: BatchFile; readonly url: string; readonly share: File | undefined };

/**
 * "Xuất lô hồ sơ": one tap seals every unsent record into a `.langso` file and downloads it (and
 * offers the share sheet where the browser can share it). The sealing code loads on the tap,
 * not with the screen. When the phone cannot seal, the button is disabled and says why.
 */
export function ExportBatchButton({ id = 'batch-export' }: { readonly id?: string }) {
  const { t, lang } = useLang();
  const session = useSession();
  const words = useDomainWords();
  const blocker = useBatchFileBlocker('export');
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const url = state.kind === 'done' ? state.url : undefined;
  useEffect(() => (url ? () => URL.revokeObjectURL(url) : undefined), [url]);

  const run = async () => {
    setState({ kind: 'busy' });
    try {
      const { exportBatchFile } = await import('../seal/export-batch.ts');
      const outcome = await exportBatchFile(session.db, session.device, session.clock());
      if (!outcome.ok) {
        const { code } = outcome;
        setState(isBatchFileBlocker(code) ? { kind: 'blocked', blocker: code } : { kind: 'failed', reason: words(code, outcome.params) });
        return;
      }
      const file = outcome.value;
      const made = URL.createObjectURL(file.blob);
      setState({ kind: 'done', file, url: made, share: shareableFile(file.blob, file.fileName) });
      startDownload(made, file.fileName);
    } catch (error) {
      setState({ kind: 'failed', reason: words('INTERNAL', { reason: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const why = state.kind === 'blocked' ? state.blocker : blocker ?? undefined;
  const whyId = `${id}-why`;
  return (
    <div class="batch-export">
      <button
        type="button"
        class="button button-primary"
        data-testid={id}
        disabled={state.kind === 'busy' || why !== undefined}
        aria-describedby={why ? whyId : undefined}
        onClick={() => void run()}
      >
        {state.kind === 'busy' ? t('batchExporting') : t('batchExport')}
      </button>
      {why && (
        <p class="notice" id={whyId}>
          {t(blockerText(session.mode, why))}
        </p>
      )}
      {state.kind === 'failed' && (
        <p class="notice notice-error" role="alert">
          {t('batchFailed', { reason: state.reason })}
        </p>
      )}
      {state.kind === 'done' && (
        <>
          <p class="notice notice-ok" role="status" data-testid="batch-done">
            {t('batchDone', { records: state.file.records, photos: state.file.attachments, size: formatBytes(lang, state.file.blob.size) })}
          </p>
          <div class="actions">
            <a class="button" href={state.url} download={state.file.fileName}>
              {t('batchDownload')}
            </a>
            {state.share && (
              <button type="button" class="button" onClick={() => state.share && void shareFile(state.share)}>
                {t('batchShare')}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
